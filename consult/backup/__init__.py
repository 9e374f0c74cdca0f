"""Backup and restore of the database (``service``) and ``consult backup`` / ``restore``
(``cli``)."""

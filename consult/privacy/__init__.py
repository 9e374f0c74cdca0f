"""Personal data: what the system holds, and the retention purge (``service``), the
secretariat's privacy page (``views``) and ``consult privacy purge`` (``cli``)."""

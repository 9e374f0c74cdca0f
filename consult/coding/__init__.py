"""Human review of the machine's theme tags (``/secretariat/coding``): the queue of texts,
least certain first, each confirmed or corrected by a coder, a sample given a second opinion
for the inter-coder agreement (``service``, ``forms``, ``views`` on the ``secretariat``
blueprint). The first coder's themes are the texts' reviewed tags in the next analysis run.
"""

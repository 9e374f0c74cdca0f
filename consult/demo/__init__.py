"""The demo data set: accounts, responses to both questionnaire versions, interviews and
national consultations (``service.seed_demo``), with the texts they are written from."""

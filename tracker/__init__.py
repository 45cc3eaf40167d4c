"""The domain: the Motion aggregate and its rules, the application service, council documents."""

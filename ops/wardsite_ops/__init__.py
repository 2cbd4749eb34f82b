"""Tools that run outside the MkDocs build: web server configuration and deploys."""

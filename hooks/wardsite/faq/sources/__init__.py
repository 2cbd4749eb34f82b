"""FAQ sources: each adapter turns one helpdesk's format into validated model objects."""

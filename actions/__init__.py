"""Custom actions of the NRW Integrationslotse, answering from knowledge/partners.yml."""

"""Custom Rasa NLU components of the NRW Integrationslotse (loaded by path from config.yml)."""

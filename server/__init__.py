"""How the project starts Rasa: Rasa's own command line, with the project's documented changes installed first."""

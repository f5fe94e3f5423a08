"""Channel connectors: Rasa's own, with the input checks they lack."""

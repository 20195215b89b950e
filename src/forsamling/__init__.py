"""Forsamling: a conference platform for KL's Social- og Sundhedspolitiske Forum."""

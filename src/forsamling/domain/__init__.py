"""Domain rules with no Django imports."""

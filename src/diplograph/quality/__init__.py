"""Quality: how well the rule layer does, on the seeds (against the hand layer) and on the
development corpus (against its annotations)."""

"""Quality: how well the rule layer does and what it adds.

evaluate.py compares it with the hand layer on the seeds, review.py lists what it found that the
hand layer lacks, corpus.py and splits.py score it against the annotations of the development
corpus (tests/data/corpus/).
"""

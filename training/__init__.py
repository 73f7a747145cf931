"""Reading and checking labels, training and evaluating the stance model."""

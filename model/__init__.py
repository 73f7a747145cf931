"""Quote extraction, speaker attribution and stance prediction: pure functions over article text."""

"""Speed and memory measurements (``make bench``); not part of the test run."""

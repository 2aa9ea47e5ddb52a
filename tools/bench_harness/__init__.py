"""The parts of tools/bench: settings files, processes, runs, the environment and the summary."""

"""Score the whole bot, end to end through the engine, on labelled sets written blind to the code.

Each module drives real conversations (`Engine.handle`, the same path every channel uses) and
judges only what a runner would see: the replies, the level they announce, the question they
ask, what ends up recorded. `python -m bot.evals <set> FILE` prints the figures; `--details`
also lists every miss. Read the figures of a blind set before you read its misses: the first
score of a set the code was never tuned on is the honest estimate (docs/evaluation.md).
"""

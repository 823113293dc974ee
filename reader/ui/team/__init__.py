"""The window's side of coding as a team (reader.core.team): the current coder and showing chosen
coders' passages (controller), merging a teammate's copy, and the agreement window (window,
models, sidebyside) where the lead reviews and settles the disagreements."""

"""Coding as a team: several coders tag the same reports, the lead merges their copies, measures
their agreement and settles a final coding. Projects (a teammate's copy) in; the merged project,
agreement tables and settled passages out. Who tagged each passage is kept by the store
(reader.core.store.coders: the current coder, the project's coders, filtering by coder).

- merge: a teammate's copy (.renda or .qdpx) merged into the project
- agreement: the agreement statistics (characters, reports, segments; Cohen's and Fleiss' κ)
- disagreements: where two coders differ, and settling it under the lead's chosen coder name
- tables: the agreement table and the disagreement list as CSV and XLSX
"""

"""REFI-QDA (QDA-XML 1.0), the exchange standard of qualitative-analysis tools (MAXQDA, ATLAS.ti,
NVivo, QualCoder): .qdpx projects and .qdc codebooks, written and read.

- common: namespaces, GUIDs, positions under LF/CRLF line endings
- codebook: the Codes tree; .qdc export and import
- project_writer: .qdpx export
- project_reader: .qdpx import (and .qdc, by suffix), used by reader.core.ingest.importing
"""

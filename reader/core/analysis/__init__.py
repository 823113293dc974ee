"""Counting across a project: tagged passages and search counts in, tables out (no Qt).

- matrix: places (counties, prefectures, provinces) or years by themes, the passages and the
  characters they cover in each cell (视图 ▸ 主题矩阵)
- diffusion: how a phrase or a theme spread across counties over the years: the first year each
  county used it, and how many counties used it each year (视图 ▸ 扩散, `reader timeline`)
"""

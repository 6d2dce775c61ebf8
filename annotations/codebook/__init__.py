"""The codebook: coding schemes and their codes.

`selectors` reads (the scheme a meeting is coded with, a code by id or slug, the
codebook as the picker groups it), `services` writes (administrators' changes,
which keep what annotations depend on); `api`, `serializers`, `filters` and
`urls` are the REST faces at /api/schemes/ and /api/codes/.
"""

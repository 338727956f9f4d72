"""Scale: the analysis of an ingest on a Dask cluster.

The analysis of an article is a pure function of the article
(:func:`dateline.pipeline.analyse_article`) and linking gives the same
events whatever order mentions arrive in, so articles can be analysed
anywhere, in any order, and the results written as they come:

- the client reads, cleans and stores the articles, as a single process does;
- the articles not analysed yet go to the workers in batches; each worker
  loads spaCy and the event coder once (they are cached per process) and
  returns, for each article, its analysis or why it failed;
- the client writes each analysis through the store (the link lock makes
  that safe alongside any other writer), so a SQLite file works as well as
  PostgreSQL; people proposed per article are merged when read, in no order.

A worker that dies loses nothing: Dask runs its batches again elsewhere,
and what was written stays written (an article is written once: a second
write of it is refused). An interrupted run is resumed by the next ingest.
"""

from .dask import DaskOptions, analyse_on_dask

__all__ = ["DaskOptions", "analyse_on_dask"]

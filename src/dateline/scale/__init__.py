"""Scale: the analysis of an ingest on a Dask cluster.

The analysis of an article is a pure function of the article
(:func:`dateline.pipeline.analyse_article`) and linking gives the same
events whatever order mentions arrive in, so articles can be analysed
anywhere, in any order, and the results written as they come:

- the client reads, cleans and stores the articles, as a single process does;
- the articles not analysed yet go to the workers in batches; each worker
  loads spaCy and the event coder once (they are cached per process) and
  returns, for each article, its analysis or why it failed;
- into PostgreSQL each worker stores its own batches (under the link lock,
  as any writer), so the client only counts; into SQLite, which a cluster's
  workers cannot share, the client stores each analysis as it comes back.
  People proposed per article are merged when read, in no order.

A worker that dies loses nothing: Dask runs its batches again elsewhere,
and what was written stays written (an article is written once: a second
write of it is refused). An interrupted run is resumed by the next ingest.
"""

from .dask import DaskOptions, analyse_on_dask

__all__ = ["DaskOptions", "analyse_on_dask"]

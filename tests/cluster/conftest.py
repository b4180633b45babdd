"""A two-instance cluster on real PostgreSQL, Redis and nginx (Debian packages), once per module."""

from __future__ import annotations

from typing import Iterator

import pytest

from tools.launch.cluster import Cluster, start_cluster


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with start_cluster(tmp_path_factory.mktemp("cluster")) as running:
        yield running

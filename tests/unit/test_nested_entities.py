"""The pipeline step that keeps the longest of overlapping regex entities."""

from __future__ import annotations

from nlu_components.nested_entities import without_nested


def _e(entity: str, start: int, end: int) -> dict:
    return {"entity": entity, "start": start, "end": end, "value": f"{entity}@{start}"}


def test_entity_inside_a_longer_one_is_dropped() -> None:
    partner, group, topic = _e("partner", 10, 44), _e("target_group", 30, 44), _e("topic", 10, 25)
    assert without_nested([group, topic, partner]) == [partner]


def test_separate_and_partly_overlapping_entities_are_kept() -> None:
    first, second, partial = _e("partner", 0, 5), _e("city", 10, 15), _e("topic", 3, 8)
    assert without_nested([first, second, partial]) == [first, second, partial]


def test_equal_spans_are_both_kept() -> None:
    a, b = _e("partner", 0, 5), _e("target_group", 0, 5)
    assert without_nested([a, b]) == [a, b]

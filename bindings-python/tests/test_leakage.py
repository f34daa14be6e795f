"""Leakage across the Python boundary: by channel, closed with households, and the artefact of
rows without kinds."""

import localecon
import numpy as np
import pytest


def test_leakage_is_a_channel_by_sector_array_and_closed_leakage_sums_to_one():
    t = localecon.datasets.scotland_2019_sections()
    leak = t.leakage()
    assert leak.by_channel.shape == (len(leak.channels), 20)
    closed = t.closed_leakage()
    assert "households" in closed.channels
    np.testing.assert_allclose(closed.total, 1.0, atol=1e-12)


def test_primary_inputs_without_kinds_are_flagged():
    z = np.array([[10.0, 40.0], [5.0, 10.0]])
    t = localecon.RegionalTable.from_arrays(z, final_demand=[[50.0], [135.0]],
                                            primary_inputs=[[85.0, 100.0]])  # kind defaults to "other"
    assert t.leakage().leakage == pytest.approx([1.0, 1.0])
    assert any(w.startswith("primary_input_kinds") and "artefact" in w for w in t.report().warnings)


def test_a_channel_is_read_by_its_spelling():
    table = localecon.datasets.scotland_2019_sections()
    closed = table.closed_leakage()
    np.testing.assert_array_equal(
        closed.channel("households"), closed.by_channel[closed.channels.index("households")]
    )
    # a channel the table does not have is zero; a spelling that names no channel is an error
    np.testing.assert_array_equal(table.leakage().channel("imports"), np.zeros(table.n))
    with pytest.raises(localecon.UnknownOptionError, match="imports_rest_of_world"):
        table.leakage().channel("import")

"""Ctrl-C stops a long call within a second, leaving nothing broken."""

import threading

import localecon
import numpy as np
import pytest


def stopped_by_ctrl_c(work, after):
    """Runs `work`, pressing Ctrl-C `after` seconds in; asserts it raised KeyboardInterrupt
    within a second of the press."""
    import _thread
    import time

    pressed = []

    def press():
        pressed.append(time.perf_counter())
        _thread.interrupt_main()

    timer = threading.Timer(after, press)
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        work()
    stopped = time.perf_counter()
    timer.join()
    assert pressed, "the call ended before Ctrl-C: make it longer"
    assert stopped - pressed[0] < 1.0, f"stopped {stopped - pressed[0]:.2f} s after Ctrl-C"


@pytest.mark.parametrize("call", ["structural_paths", "strongest_cycles"])
def test_ctrl_c_stops_a_long_call_within_a_second(call):
    t = localecon.datasets.scotland_2019()
    before = t.report()
    if call == "structural_paths":
        # a search of ~10^12 steps: hours without Ctrl-C
        def work():
            return t.structural_paths("10.7", cutoff=1e-15, max_depth=40, max_steps=10**12)
    else:
        system = localecon.FlowSystem.from_table(t)

        def work():
            return system.strongest_cycles(max_length=14, top_k=10, max_steps=10**12)

    stopped_by_ctrl_c(work, after=0.3)
    # nothing was left half-changed: the table gives the same report, and runs calls again
    assert t.report().to_dict() == before.to_dict()
    assert len(t.structural_paths("10.7", top_k=3).paths) == 3


def test_ctrl_c_stops_the_sweeps_of_a_large_interregional_system():
    system = localecon.datasets.scotland_councils_2019()  # 3,136 entries: about 0.3 s of sweeps
    stopped_by_ctrl_c(system.decomposition, after=0.1)
    # the system still answers, the same as a fresh one
    again = system.decomposition(round=False)
    fresh = localecon.datasets.scotland_councils_2019().decomposition(round=False)
    np.testing.assert_array_equal(again.total, fresh.total)


def test_ctrl_c_stops_the_factorisations_of_a_large_dense_table():
    """From 1,000 sectors the LU of I − A is factored in panels with a check between them, so
    Ctrl-C stops a call on a large dense table within a second even while it factors (before,
    each factorisation ran to its end: about a second each at n = 4,500 on two cores, two of
    them for the linkages), and the table's kept factor is not left half-made."""
    n = 4500
    rng = np.random.default_rng(7)
    z = rng.random((n, n))
    x = np.maximum(z.sum(axis=0), z.sum(axis=1)) * 2.0 + 1.0

    value_added = x - z.sum(axis=0)

    def table():
        # half of each sector's value added is wages, half imports: the Type II closure is
        # productive (with wages alone it would not be, and its error would first spend
        # seconds on the closed matrix's eigenvalues)
        return localecon.RegionalTable.from_arrays(
            z,
            final_demand=(x - z.sum(axis=1))[:, None],
            final_demand_kinds=["households"],
            primary_inputs=np.vstack([value_added / 2, value_added / 2]),
            primary_input_kinds=["compensation", "imports"],
        )

    t = table()
    stopped_by_ctrl_c(t.linkages, after=0.15)
    stopped_by_ctrl_c(t.multipliers, after=0.15)
    # what the interrupted calls left behind is nothing: the table computes as a fresh one
    np.testing.assert_array_equal(t.multipliers().output_type_i, table().multipliers().output_type_i)

    # the explicit inverse is computed in blocks of columns with a check between them (before,
    # one call of about 1.3 s at this size, seen only when it ended)
    model = localecon.LeontiefModel(t)
    stopped_by_ctrl_c(model.leontief_inverse, after=0.15)
    inverse = model.leontief_inverse()
    e = np.zeros(n)
    e[[0, n - 1]] = 1.0
    np.testing.assert_allclose(inverse @ e, model.solve(e), rtol=1e-12, atol=0)

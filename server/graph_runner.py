"""Rasa's prediction graph run in plain topological order instead of through dask.

Rasa 3.6 runs the trained model's graph with `DaskGraphRunner`: for every
message parse and every next-action prediction (three or four a turn here) it
rebuilds the minimal sub-graph for the targets, turns it into a dask graph and
runs it with dask's synchronous scheduler. py-spy on the Rasa server (1 user,
`make bench`) put dask's own bookkeeping (`get_async`, `fire_tasks`,
`batch_execute_tasks`) at about 9 % of the time a turn spends handling the
message, around nodes that themselves take a fraction of a millisecond.

`SequentialGraphRunner` is a `DaskGraphRunner` (same nodes, same schema, same
inputs and outputs, `GraphRunError` on the same `RuntimeError`) whose `run`
computes each needed node once, its inputs first, in the order of the schema,
with the order for each set of targets worked out once. Each node is called
exactly as dask calls it: `node(*results of its needs)`, where an input is
`(name, value)` and a need that is neither a node nor an input is passed as its
name (what dask does with a key it does not know).

`install(agent)` (server/rasa_patches.py, once the agent is loaded) swaps
the processor's runner for this one built from it: the nodes Rasa
instantiated are reused, nothing is loaded twice. A model loaded later
(`PUT /model`) runs on Rasa's own runner.
"""

import logging
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

logger = logging.getLogger(__name__)


class SequentialGraphRunner(DaskGraphRunner):
    """A `DaskGraphRunner` that runs its graph without dask (see the module docstring)."""

    @classmethod
    def from_runner(cls, runner: DaskGraphRunner) -> "SequentialGraphRunner":
        new = cls.__new__(cls)
        new.__dict__.update(runner.__dict__)  # _graph_schema, _instantiated_nodes, _execution_context
        new._plans = {}
        return new

    def _plan(self, targets: Tuple[Text, ...]) -> List[Tuple[Text, Any, Tuple[Text, ...]]]:
        plan = self._plans.get(targets)
        if plan is None:
            schema = self._graph_schema.minimal_graph_schema(list(targets))
            nodes = schema.nodes
            order: List[Text] = []
            state: Dict[Text, int] = {}

            def visit(name: Text) -> None:
                if name not in nodes or state.get(name) == 2:
                    return
                if state.get(name) == 1:
                    raise GraphRunError(f"The graph has a cycle through '{name}'.")
                state[name] = 1
                for need in nodes[name].needs.values():
                    visit(need)
                state[name] = 2
                order.append(name)

            for name in nodes:
                visit(name)
            plan = [(name, self._instantiated_nodes[name], tuple(nodes[name].needs.values())) for name in order]
            self._plans[targets] = plan
        return plan

    def run(self, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        """Runs the graph (see `GraphRunner.run`)."""
        run_targets = list(targets if targets else self._graph_schema.target_names)
        plan = self._plan(tuple(run_targets))
        names = {name for name, _, _ in plan}
        results: Dict[Text, Any] = {}
        for input_name, input_value in (inputs or {}).items():
            if isinstance(input_value, str) and input_value in names:
                raise GraphRunError(
                    f"Input value '{input_value}' clashes with a node name. Make sure that none of the input "
                    f"names passed to the `run` method are the same as node names in the graph schema.")
            results[input_name] = (input_name, input_value)
        try:
            for name, node, needs in plan:
                results[name] = node(*[results.get(need, need) for need in needs])
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(results[target] for target in run_targets)


def install(agent: Any) -> Optional[SequentialGraphRunner]:
    processor = getattr(agent, "processor", None)
    runner = getattr(processor, "graph_runner", None)
    if processor is None or type(runner) is not DaskGraphRunner:
        return None  # not Rasa's runner (or already swapped): leave it
    processor.graph_runner = SequentialGraphRunner.from_runner(runner)
    logger.info("prediction graph: run in topological order (no dask)")
    return processor.graph_runner

"""The monthly 24/7 roster optimiser: PuLP, solved by HiGHS (highspy) or CBC.

from optimizer import solve, SolverSettings
result = solve(problem, SolverSettings(solver="highs"))
result.roster   # models.Roster with gaps and their reasons
result.report   # models.SolveReport: status, phases, sizes, timings, per-rule penalties
"""

from models.report import PhaseReport, PlanResult, SolveReport
from optimizer.banner import quiet_banner
from optimizer.reasons import explain_gaps
from optimizer.settings import SolverSettings
from optimizer.solve import solve

quiet_banner()  # HiGHS's banner goes to the log, never to standard output

__all__ = ["PhaseReport", "PlanResult", "SolveReport", "SolverSettings", "explain_gaps", "solve"]

"""Liveness endpoint used by the load balancer."""

from flask import Blueprint, jsonify

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz():
    """Report that the process is up; deliberately touches nothing else."""
    return jsonify(status="ok")

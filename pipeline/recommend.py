"""Recommendations (first version, refined below)."""


def find_recommendations(doc):
    return []

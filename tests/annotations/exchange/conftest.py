import pytest

from annotations.coding import services


@pytest.fixture
def each_statement_coded(meeting, codebook, analyst_a):
    """One passage coding on each of the meeting's statements, by analyst A."""
    code = codebook.codes.filter(statement_level=False).first()
    for statement in meeting.statements.all():
        services.annotation_create(
            statement=statement, code=code, analyst=analyst_a, start=0, end=4
        )

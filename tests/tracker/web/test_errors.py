"""One way to say a ValidationError: to a person as sentences, to a client as a 400 body."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from rest_framework.exceptions import ValidationError as DRFValidationError

from tracker.web.errors import exception_handler, validation_detail, validation_messages


def test_a_field_message_names_its_field():
    error = ValidationError({"symbol": ["Give the symbol.", "Too long."], "date": ["Not a date."]})
    assert validation_messages(error) == [
        "symbol: Give the symbol.",
        "symbol: Too long.",
        "date: Not a date.",
    ]


def test_a_message_of_no_field_stands_alone():
    assert validation_messages(ValidationError("Nothing was saved.")) == ["Nothing was saved."]
    error = ValidationError({NON_FIELD_ERRORS: ["Choose one."], "code": ["Unknown."]})
    assert validation_messages(error) == ["Choose one.", "code: Unknown."]


def test_fields_whose_messages_name_their_subject_can_go_unlabelled():
    error = ValidationError({"statements": ["Statement 3 (Ms. Sen): too long."], "body": ["x"]})
    assert validation_messages(error, unlabelled={"statements"}) == [
        "Statement 3 (Ms. Sen): too long.",
        "body: x",
    ]


def test_the_api_body_keeps_messages_by_field():
    assert validation_detail(ValidationError({"symbol": ["Give it."]})) == {"symbol": ["Give it."]}
    assert validation_detail(ValidationError("No.")) == {"non_field_errors": ["No."]}


def test_the_api_answers_a_service_refusal_with_400():
    response = exception_handler(ValidationError({"start": ["Before the end."]}), {})
    assert response.status_code == 400
    assert response.data == {"start": ["Before the end."]}


def test_the_api_leaves_its_own_errors_as_they_are():
    response = exception_handler(DRFValidationError({"page_size": ["Too big."]}), {})
    assert response.status_code == 400
    assert response.data == {"page_size": ["Too big."]}

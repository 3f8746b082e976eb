"""rasa-sdk's action server with our actions, spoken to over HTTP exactly as a Rasa server would."""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import ActionServer, action_call

# Every message text sent below; none may appear in the server's log at INFO or above.
MESSAGES: list[str] = []


def post(server: ActionServer, body: Any = None, *, content: bytes | None = None) -> httpx.Response:
    tracker = body.get("tracker") if isinstance(body, dict) else None
    if isinstance(tracker, dict):
        MESSAGES.append(str(tracker["latest_message"].get("text") or ""))
    response = server.http.post("/webhook", json=body, content=content) if content is None \
        else server.http.post("/webhook", content=content, headers={"Content-Type": "application/json"})
    assert "Traceback" not in response.text
    assert 'File "' not in response.text
    return response


def run(server: ActionServer, *args: Any, **kwargs: Any) -> dict[str, Any]:
    response = post(server, action_call(*args, **kwargs))
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def slots(result: dict[str, Any], case: bool = False) -> dict[str, Any]:
    """SlotSet events as a dict (later events win, as when Rasa applies them in order); the
    clinical case (slot `clinical`, a document of its own) only when `case`."""
    assert all(e["event"] == "slot" for e in result["events"]), result["events"]
    found = {e["name"]: e["value"] for e in result["events"]}
    if not case:
        found.pop("clinical", None)
    return found


# -- the server ---------------------------------------------------------------------------------

def test_health(server: ActionServer) -> None:
    response = server.http.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_actions_lists_our_actions(server: ActionServer) -> None:
    response = server.http.get("/actions")
    assert response.status_code == 200
    assert sorted(a["name"] for a in response.json()) == [
        "action_about_conversation", "action_acknowledge_feeling", "action_answer_helping_question", "action_answer_question", "action_clinical_check", "action_crisis_check", "action_crisis_emergency", "action_crisis_overdose_other", "action_crisis_third_party", "action_detail",
        "action_disclosure", "action_disclosure_check", "action_goodbye", "action_helping_followup", "action_improved", "action_keep_checkin_answers",
        "action_off_topic", "action_read_run_file", "action_record_checkin", "action_safety_check",
        "action_start_checkin", "action_support_or_answer", "action_triage", "validate_checkin_form", "validate_clinical_form",
        "validate_triage_form"]


def test_listens_on_loopback_only(server: ActionServer) -> None:
    import socket

    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # UDP connect sends nothing; it picks the outward address
            addresses.add(probe.getsockname()[0])
        except OSError:
            pass
    for address in addresses - {"127.0.0.1", "127.0.1.1"}:
        with socket.socket() as sock:
            sock.settimeout(1)
            assert sock.connect_ex((address, server.port)) != 0, f"reachable on {address}"


# -- validate_triage_form ------------------------------------------------------------------------

def test_form_extracts_location_side_and_pattern_then_asks_the_next_clinical_question(server: ActionServer) -> None:
    result = run(server, "validate_triage_form", "my left shin hurts every time I run",
                 {"requested_slot": "pain_location"}, intent="report_pain", form=True)
    # Shin pain that comes back: one spot on the bone (a stress fracture) or along the edge?
    assert slots(result) == {"pain_location": ["shin"], "pain_side": "left",
                             "pain_pattern": "recurring", "requested_slot": "q_one_spot"}
    assert slots(result, case=True)["clinical"]["state"]["facts"]["loc:shin"]["value"] is True
    assert result["responses"] == []


def test_form_negated_location_is_not_recorded(server: ActionServer) -> None:
    result = run(server, "validate_triage_form", "my knee hurts, not my shin",
                 {"requested_slot": "pain_location"}, form=True)
    assert slots(result) == {"pain_location": ["knee"], "requested_slot": "pain_pattern"}


def test_form_negation_removes_an_earlier_location(server: ActionServer) -> None:
    result = run(server, "validate_triage_form", "it hurts but not in the shin",
                 {"requested_slot": "pain_location", "pain_location": ["shin"]}, intent="correction", form=True)
    found = slots(result)
    assert found["pain_location"] is None
    assert found["requested_slot"] == "pain_location"


def test_form_clarifies_once_then_moves_on(server: ActionServer) -> None:
    first = run(server, "validate_triage_form", "banana",
                {"requested_slot": "pain_pattern", "pain_location": ["shin"]}, form=True)
    assert slots(first) == {"clarified_slots": ["pain_pattern"], "requested_slot": "pain_pattern"}
    assert [r["response"] for r in first["responses"]] == ["utter_clarify_pain_pattern"]
    assert "utter_clarify_pain_pattern" in first["responses"][0]["template"]  # Rasa < 3 reads `template`

    second = run(server, "validate_triage_form", "banana",
                 {"requested_slot": "pain_pattern", "pain_location": ["shin"],
                  "clarified_slots": ["pain_pattern"]}, form=True)
    found = slots(second)
    assert found["skipped_slots"] == ["pain_pattern"] and found["requested_slot"] != "pain_pattern"
    assert second["responses"] == []


def test_form_unclear_balance_is_recorded_as_unsure_and_the_form_completes(server: ActionServer) -> None:
    result = run(server, "validate_triage_form", "banana",
                 {"requested_slot": "balance_change", "pain_location": ["knee"], "pain_pattern": "fades",
                  "clarified_slots": ["balance_change"]}, form=True)
    found = slots(result)
    assert found["balance_change"] == "unsure" and found["requested_slot"] != "balance_change"


def test_form_button_payload_values_are_used_without_nlu(server: ActionServer) -> None:
    body = action_call("validate_triage_form", '/inform{"balance_change":"worse"}',
                       {"requested_slot": "balance_change", "pain_location": ["knee"], "pain_pattern": "fades"},
                       form=True)
    body["tracker"]["latest_message"]["metadata"] = {"payload_values": {"balance_change": "worse"}}
    response = post(server, body)
    assert response.status_code == 200
    found = slots(response.json())
    assert found["balance_change"] == "worse" and found["requested_slot"] != "balance_change"


# -- action_safety_check -------------------------------------------------------------------------

def test_safety_check_crisis_sets_the_finding_and_the_screens_memory(server: ActionServer) -> None:
    result = run(server, "action_safety_check", "I've been thinking about ending it")
    found = slots(result)
    assert found["safety_finding"] == "crisis" and found["triage_level"] == "crisis"
    assert found["message_language"] == "en"
    # The memory Rasa keeps in the slot for the next message: plain data, never the text.
    assert found["crisis_context"] == {"risk": True, "distress": False, "awaiting": "are_you_safe", "language": "en",
                                      "heavy": False, "checked": False, "grief": False, "others": False, "medicine": None}
    assert result["responses"] == []  # the assistant's rule says utter_crisis (examples/rasa/rules.yml)


def test_safety_check_reads_no_as_the_answer_to_are_you_safe(server: ActionServer) -> None:
    context = {"risk": True, "distress": False, "awaiting": "are_you_safe", "language": "en"}
    found = slots(run(server, "action_safety_check", "no not really", {"crisis_context": context}))
    assert found["safety_answer"] == "not_safe" and found["safety_finding"] is None
    found = slots(run(server, "action_safety_check", "idk", {"crisis_context": context}))
    assert found["safety_answer"] == "unsure"


def test_safety_check_overdose_and_spanish(server: ActionServer) -> None:
    found = slots(run(server, "action_safety_check", "took 15 advil to get through the race and now I'm dizzy"))
    assert found["safety_finding"] == "overdose" and found["triage_level"] == "emergency"
    found = slots(run(server, "action_safety_check", "me quiero morir"))
    assert found["safety_finding"] == "crisis" and found["message_language"] == "es"


def test_safety_check_says_english_only_before_a_crisis_reply_in_french(server: ActionServer) -> None:
    result = run(server, "action_safety_check", "je veux mourir")
    assert slots(result)["safety_finding"] == "crisis"
    [message] = result["responses"]
    assert "only understand English" in message["text"]


def test_the_safety_check_has_no_red_flags_of_its_own(server: ActionServer) -> None:
    result = run(server, "action_safety_check", "I had chest pain and fainted on my run")
    assert slots(result)["safety_finding"] is None and "red_flags" not in slots(result)


# -- action_clinical_check -----------------------------------------------------------------------

def test_clinical_check_red_flag_in_context(server: ActionServer) -> None:
    result = run(server, "action_clinical_check", "I had chest pain and fainted on my run")
    found = slots(result, case=True)
    assert found["safety_finding"] == "red_flag"
    assert found["clinical"]["state"]["facts"]["chest_pain_or_pressure"]["value"] is True
    assert result["responses"] == []  # the assistant follows with action_triage for the advice


def test_clinical_check_asks_before_raising_a_sign_without_its_context(server: ActionServer) -> None:
    result = run(server, "action_clinical_check", "my heart was racing during intervals, normal?",
                 intent="ask_question")
    assert slots(result)["safety_finding"] == "clinical_question"
    asked = run(server, "validate_clinical_form", "my heart was racing during intervals, normal?",
                {"clinical": slots(result, case=True)["clinical"]})
    assert slots(asked) == {"requested_slot": "q_palpitations"}


def test_clinical_check_takes_a_typed_answer_to_its_question(server: ActionServer) -> None:
    first = slots(run(server, "action_clinical_check", "my calf is swollen and warm"), case=True)
    assert first["safety_finding"] in ("clinical_question", "red_flag_question")
    result = run(server, "action_clinical_check", "yes, only the left one",
                 {"clinical": first["clinical"], "requested_slot": "q_calf"}, intent="affirm", form=True)
    found = slots(result)
    assert found["q_calf"] == "yes"
    assert found["safety_finding"] in ("red_flag", None)  # None: one more question (breathless?) first


def test_safety_check_plain_message_clears_the_finding(server: ActionServer) -> None:
    result = run(server, "action_safety_check", "my left shin hurts every time I run")
    found = slots(result)
    assert found["safety_finding"] is None and "safety_answer" not in found
    assert result["responses"] == []


# -- action_triage and action_answer_question ----------------------------------------------------

def test_triage_recurring_pain_is_see_pt_with_disclaimer_and_crisis_line(server: ActionServer) -> None:
    result = run(server, "action_triage", "no, it's about the same",
                 {"pain_location": ["shin"], "pain_side": "left", "pain_pattern": "recurring",
                  "balance_change": "same"})
    found = slots(result)
    assert found["triage_level"] == "see_pt" and found["triage_findings"] == []
    assert found["triage_reasons"] == ["your left shin pain comes back when you run again"]
    # The advice's context, which a Rasa assistant keeps as a slot for the detail buttons.
    assert found["advice_context"]["locations"] == ["shin"]
    message, offer = result["responses"]  # the weekly check-in offer is a message of its own
    assert offer["buttons"] == [{"title": "Weekly check-in", "payload": "!checkin start"}]
    assert message["text"].startswith("**See a physical therapist.**")  # bot.turn's markup
    assert "not a diagnosis" in message["text"].lower()
    assert "988" in message["text"]
    assert message["custom"]["triage"] == "see_pt"
    assert "disclaimer" in message["custom"]["sources"]
    assert message["buttons"][0]["payload"] == '/detail{"detail":"why"}'


def test_a_detail_button_opens_the_paragraphs_of_the_advice_in_its_slot(server: ActionServer) -> None:
    advice = run(server, "action_triage", "no, it's about the same",
                 {"pain_location": ["shin"], "pain_pattern": "recurring", "balance_change": "same"})
    context = slots(advice)["advice_context"]
    result = run(server, "action_detail", '/detail{"detail":"now"}', {"advice_context": context}, intent="detail")
    [message] = result["responses"]
    assert "What you can do now" in message["text"] and "3 out of 10" in message["text"]
    assert "advice-now-recurring" in message["custom"]["sources"]


def test_triage_uses_the_clinical_case_from_the_check(server: ActionServer) -> None:
    case = slots(run(server, "action_clinical_check", "I had chest pain and fainted on my run"), case=True)["clinical"]
    result = run(server, "action_triage", "I had chest pain and fainted on my run",
                 {"clinical": case, "safety_finding": "red_flag"})
    found = slots(result)
    assert found["triage_level"] == "emergency"
    assert "cardiac_chest" in found["triage_findings"]
    assert "redflag-cardiac" in result["responses"][0]["custom"]["sources"]


def test_answer_question_from_the_knowledge_base(server: ActionServer) -> None:
    result = run(server, "action_answer_question", "what does a PT do?", intent="ask_question")
    # the card answered is kept, so that the same card asked for again at once is one sentence
    assert [(e["name"], e["value"]) for e in result["events"]] == [("last_answer", "pt-what")]
    [message] = result["responses"]
    assert "physical therapist" in message["text"]
    assert message["custom"]["sources"] == ["pt-what"]
    assert message["buttons"]  # related questions, as buttons whose payload is the question


def test_answer_question_says_plainly_when_out_of_scope(server: ActionServer) -> None:
    result = run(server, "action_answer_question", "what's the capital of France?", intent="ask_question")
    [message] = result["responses"]
    assert "outside what I know" in message["text"]
    assert message["custom"]["sources"] == []


# -- errors --------------------------------------------------------------------------------------

def test_unknown_action_is_404_with_rasas_error_json(server: ActionServer) -> None:
    response = post(server, action_call("action_does_not_exist", "hi"))
    assert response.status_code == 404
    assert response.json() == {"error": "No registered action found for name 'action_does_not_exist'.",
                               "action_name": "action_does_not_exist"}


def test_missing_domain_is_449_so_rasa_resends_it(server: ActionServer) -> None:
    body = action_call("action_triage", "hi")
    del body["domain"]
    body["domain_digest"] = "not-the-digest-we-have"
    response = post(server, body)
    assert response.status_code == 449
    assert response.json()["action_name"] == "action_triage"


def test_malformed_bodies_are_400(server: ActionServer) -> None:
    tracker_not_object = action_call("action_triage", "hi")
    tracker_not_object["tracker"] = "nope"
    slots_not_object = action_call("action_triage", "hi")
    slots_not_object["tracker"]["slots"] = ["shin"]
    for content in (b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe"):
        response = post(server, content=content)
        assert response.status_code == 400, content
        assert response.json()["error"] == "Invalid body request"
    for body in (tracker_not_object, slots_not_object):
        response = post(server, body)
        assert response.status_code == 400
        assert response.json()["error"] == "Invalid body request"


def test_action_without_next_action_is_null_like_rasa_sdk(server: ActionServer) -> None:
    body = action_call("action_triage", "hi")
    body["next_action"] = None
    response = post(server, body)
    assert response.status_code == 200
    assert response.json() is None


def test_failing_action_is_500_naming_the_action_without_echoing_the_request(server: ActionServer) -> None:
    text = "my secret shin story"
    response = post(server, action_call("action_triage", text, {"clinical": {"state": {"turn": "not a number"}}}))
    assert response.status_code == 500
    assert response.json() == {"error": "action 'action_triage' failed; see the action server's log",
                               "action_name": "action_triage"}
    assert text not in response.text


def test_unknown_route_is_json_404(server: ActionServer) -> None:
    response = server.http.get("/nope")
    assert response.status_code == 404
    assert "error" in response.json()
    assert "Traceback" not in response.text


# A second server on a taken port: tests/test_cli.py::test_a_taken_port_is_one_clear_line.


def test_form_understands_a_button_payload_sent_as_text_by_rasa(server: ActionServer) -> None:
    result = run(server, "validate_triage_form", '/inform{"balance_change":"worse"}',
                 {"requested_slot": "balance_change", "pain_location": ["knee"], "pain_pattern": "fades"},
                 form=True)
    found = slots(result)
    assert found["balance_change"] == "worse" and found["requested_slot"] != "balance_change"


# -- last: what the server logged ----------------------------------------------------------------

def test_zz_log_has_no_message_text_and_no_traceback(server: ActionServer) -> None:
    log = server.log()
    assert "action server on http://127.0.0.1:" in log
    assert "action action_triage failed: ValueError" in log  # from the failing-action test
    assert "Traceback" not in log  # tracebacks are logged at DEBUG only
    for text in MESSAGES:
        if len(text) > 5 and text != "banana":
            assert text not in log, text
    assert "banana" not in log


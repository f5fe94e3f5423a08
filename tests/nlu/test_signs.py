"""Warning signs read as concepts within a clause (assistant/nlp/signs.py).

One test per category the reader must get right (the concept combinations,
typos, scope of denial, whose sign, when, questions), and the independent
banks of tests/redflags/ as regression: each bank must keep the figures that
issue 11 asks for, read offline (pipeline + engine, as the dialogue does).
"""

import collections
import json
from pathlib import Path

import pytest

from assistant import conversation, engine, knowledge
from assistant.nlp import pipeline

KB = knowledge.default()
BANKS = sorted((Path(__file__).resolve().parents[1] / "redflags").glob("*.json"))
OPENER = "my CT showed some punctate calcification in the liver"
RANK = {"reassurance": 0, "see_clinician_routine": 1, "see_clinician_soon": 2, "emergency": 3}


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build(KB)


def symptoms(nlp, text):
    return {(e.value, e.role, e.context) for e in pipeline.read(nlp, text).entities if e.entity == "symptom"}


def level_of(nlp, text):
    """The triage level of a case told in this one message."""
    facts = conversation.facts_from_entities([e.as_rasa() for e in pipeline.read(nlp, text).entities])
    return engine.triage(engine.Case.of(facts), KB).level


def alert_values(nlp, text):
    facts = conversation.facts_from_entities([e.as_rasa() for e in pipeline.read(nlp, text).entities])
    return {f.value for f in facts if f.entity == "symptom" and f.role is None}


@pytest.mark.parametrize("text, value", [
    ("well I have been throwing up and there was some blood in it this morning", "vomiting_blood"),
    ("my vomit looked like coffee grounds about an hour ago", "vomiting_blood"),
    ("my poo has been black and sticky like tar for two days", "black_stools"),
    ("there's blood in my poo today", "black_stools"),
    ("since last night he's drowsy and mixing up his words, he's the patient", "confusion"),
    ("omg stomach pain out of nowhere, worst ever", "severe_abdominal_pain"),
    ("it really hurts when I press on my belly", "severe_abdominal_pain"),
    ("blacked out in the shower, came round on the floor", "fainting"),
    ("I've been having thoughts of ending my life", "suicidal_thoughts"),
])
def test_concepts_combined_within_a_clause(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("i vomitted blod twice tody", "vomiting_blood"),
    ("blak stiky poo, reely smelly", "black_stools"),
    ("im very confuzed and drowzy today", "confusion"),
])
def test_typos_on_every_word(nlp, text, value):
    assert value in alert_values(nlp, text)


def test_english_words_are_not_corrected_into_concepts(nlp):
    # "back" is one edit from "black", "hers" from "here": both are English.
    assert not alert_values(nlp, "my back hurts and the scan is hers")


@pytest.mark.parametrize("text, value", [
    ("no blood in the sick, just food", "vomiting_blood"),
    ("bowels fine, nothing black or red", "black_stools"),
    ("my sick was a normal colour, nothing like coffee grounds", "vomiting_blood"),
    ("I haven't fainted or blacked out", "fainting"),
    ("I'm not suicidal, just anxious", "suicidal_thoughts"),
])
def test_denied_anywhere_in_the_clause(nlp, text, value):
    assert (value, "negated", ()) in symptoms(nlp, text)
    assert value not in alert_values(nlp, text)


def test_a_negation_inside_the_concept_is_not_a_denial(nlp):
    assert "confusion" in alert_values(nlp, "my wife says I'm not making sense today")
    assert "suicidal_thoughts" in alert_values(nlp, "I don't want to be here anymore")


@pytest.mark.parametrize("text", [
    "my dog vomited blood yesterday",
    "my friend collapsed at a marathon",
    "my mum fainted last year",
    "my brother had black stools when his ulcer bled in 2015",
])
def test_someone_elses_sign_is_not_the_users(nlp, text):
    assert not alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("my wife says I passed out for a minute at dinner", "fainting"),
    ("Dad (he's the patient) is very muddled today", "confusion"),
    ("Mum had the CT. Since yesterday she's not making sense", "confusion"),
    ("my son found me on the floor, I must have passed out", "fainting"),
])
def test_the_patients_sign_told_by_someone_else_is_the_patients(nlp, text, value):
    assert value in alert_values(nlp, text)


def test_a_proxy_makes_relatives_symptoms_the_patients():
    facts = [engine.Fact("symptom", "jaundice", "family"), engine.Fact("condition", "cancer", "family")]
    assert conversation.as_patients(facts) == [engine.Fact("symptom", "jaundice"), facts[1]]


@pytest.mark.parametrize("text", [
    "what if I vomit blood?",
    "should I worry if my poo goes black?",
    "can liver disease make you faint?",
    "if my tummy starts hurting badly, do I go to A&E?",
])
def test_a_question_or_a_what_if_is_not_a_fact(nlp, text):
    assert not alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("Could the calcification be why I threw up blood last night?", "vomiting_blood"),
    ("is black tarry poo to do with the spots on my liver? I've had it since the weekend", "black_stools"),
    ("is this sudden gripping pain in my stomach from the calcification?", "severe_abdominal_pain"),
])
def test_a_real_event_inside_a_question_is_a_fact(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    "I had a bleeding ulcer 15 years ago and vomited blood then, fine ever since",
    "I fainted once giving blood when I was 19",
    "I was confused after my anaesthetic in 2018 but back to normal within a day",
])
def test_long_past_and_resolved_is_history_not_now(nlp, text):
    assert not alert_values(nlp, text)


def test_thoughts_of_self_harm_count_even_inside_an_if(nlp):
    assert "suicidal_thoughts" in alert_values(nlp, "if it is cancer I'm going to end it, I've worked out how")


@pytest.mark.parametrize("text, cue", [
    ("there was blood on the tissue", "vomiting_blood"),
    ("been sick twice today and theres red in it", "vomiting_blood"),
    ("I feel a bit faint", "fainting"),
    ("my poo has been a bit dark", "black_stools"),
    ("my stools are black but I'm on iron tablets", "black_stools"),
    ("I can't go on like this", "suicidal_thoughts"),
])
def test_an_uncertain_cue_is_asked_about_not_dropped(nlp, text, cue, monkeypatch):
    """The concept lists alone (the learned model's agreement switched off)."""
    monkeypatch.setattr(nlp.get_pipe("clinical_sign_reader"), "agree", None)
    reading = pipeline.read(nlp, text)
    assert cue in reading.cues
    assert cue not in alert_values(nlp, text)


@pytest.mark.parametrize("text, sign, alert", [
    # The lists read a cue (vomit + red; black + sticky with no word for poo; a
    # "went down"); the model, trained apart from them, is sure: answered at once.
    ("been sick twice today and theres red in it", "vomiting_blood", True),
    ("my BMs are black as midnight and gooey, started yesterday", "black_stools", True),
    ("I came over all funny and went down in Tesco, out for a few seconds", "fainting", True),
    # An explanation keeps the question, however sure the model is.
    ("my stools are black but I'm on iron tablets", "black_stools", False),
    # A cue the lists read as a relative's or a question is never promoted.
    ("can liver calcification make you feel faint?", "fainting", False),
])
def test_two_readers_agreeing_answer_at_once(nlp, text, sign, alert):
    """Bank G's first run: 0.85 same turn; of its cues asked about, most were
    ones both readers gave. Trained on six banks and judged on the seventh, in
    turn, agreement at p >= 0.8 lifted same-turn recall 0.94 -> 0.97 and added
    no false alarm (705 near-misses)."""
    reader = nlp.get_pipe("clinical_sign_reader")
    assert reader.agree == KB.signs["learned"]["agree"] == 0.8
    assert (sign in alert_values(nlp, text)) is alert
    if not alert:
        reading = pipeline.read(nlp, text)
        assert sign not in {e.value for e in reading.entities if e.role is None and not e.context}


@pytest.mark.parametrize("text", [
    "I'm scared to death about this", "I could kill my GP for not calling", "I'm dying to know what it means",
    "I'm so confused by the report", "this whole process is a pain in the neck", "my blood test was normal",
])
def test_figures_of_speech_are_neither_signs_nor_cues(nlp, text):
    reading = pipeline.read(nlp, text)
    assert not alert_values(nlp, text) and not reading.cues


@pytest.mark.parametrize("text, expected", [
    ("temp 38.4 and an ache under my right ribs", {"fever", "abdominal_pain"}),
    ("temp is normal, 36.8", set()),
])
def test_temperatures_read_as_numbers(nlp, text, expected):
    assert {v for v in alert_values(nlp, text) if v in ("fever", "abdominal_pain")} == expected


def test_severe_pain_replaces_plain_pain_for_the_mention(nlp):
    values = [e.value for e in pipeline.read(nlp, "sudden severe pain in my stomach").entities]
    assert values == ["severe_abdominal_pain"]


# Categories found by bank E (run once unchanged first), fixed as categories:
# phrases here are new wordings of each category, not the bank's sentences.
@pytest.mark.parametrize("text", [
    "the roof of the shed collapsed in the storm", "our old spaniel collapsed last week, the vet thinks it's his heart",
    "the deal on the flat collapsed", "the company I worked for collapsed in the summer",
])
def test_a_collapse_needs_a_person(nlp, text):
    assert "fainting" not in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    "my brother-in-law collapsed at dinner, he's the patient",
    "she was found collapsed in the hall this morning, her scan",
    "I just collapsed in the queue at the chemist",
])
def test_a_person_collapsing_is_a_collapse(nlp, text):
    assert "fainting" in alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("I'm blacking out the personal details before I share the report", "fainting"),
    ("I've always been the fainting sort at the dentist", "fainting"),
    ("I got confused between the two hospitals' letters", "confusion"),
])
def test_a_verb_with_an_object_or_a_tendency_is_not_the_event(nlp, text, value):
    assert value not in alert_values(nlp, text)


def test_blacked_out_with_a_time_is_an_event(nlp):
    assert "fainting" in alert_values(nlp, "I blacked out the other day at the bus stop")


@pytest.mark.parametrize("text", [
    "sometimes I think everyone would be better off if I wasn't here",
    "I no longer want to be alive", "my family would be better if I was gone",
])
def test_passive_thoughts_of_not_being_alive(nlp, text):
    assert "suicidal_thoughts" in alert_values(nlp, text)


def test_not_wanting_to_live_with_a_worry_is_not_a_crisis(nlp):
    assert "suicidal_thoughts" not in alert_values(nlp, "I don't want to live with this worry for months")


@pytest.mark.parametrize("text, value", [
    ("does this kind of thing make you pass out? I did, this afternoon", "fainting"),
    ("is it normal to want to die after news like this? I've felt that way all week", "suicidal_thoughts"),
])
def test_a_question_then_its_confirmation_is_a_fact(nlp, text, value):
    assert value in alert_values(nlp, text)


def test_a_question_then_a_feeling_is_not_a_confirmation(nlp):
    assert "vomiting_blood" not in alert_values(nlp, "what if I vomit blood? I am scared")


@pytest.mark.parametrize("text, value", [
    ("brought up my breakfast and it was bright red, I didnt eat anything red", "vomiting_blood"),
    ("poo has gone a dark maroon colour and it's nothing I've eaten", "black_stools"),
])
def test_a_colour_with_its_explanation_ruled_out_is_blood(nlp, text, value):
    assert value in alert_values(nlp, text)


def test_a_colour_with_an_explanation_is_still_asked_about(nlp):
    reading = pipeline.read(nlp, "I was sick and it was red but I had loads of beetroot")
    assert "vomiting_blood" in reading.cues
    assert "vomiting_blood" not in alert_values(nlp, "I was sick and it was red but I had loads of beetroot")


@pytest.mark.parametrize("text, value", [
    ("can't even sit up, my tummy hurts that much, came on suddenly", "severe_abdominal_pain"),
    ("hurled an hour ago. there was blood in it.", "vomiting_blood"),
    ("jet-black, tar-like poo since this morning", "black_stools"),
    ("my mum doesn't know where she is today, the scan is hers", "confusion"),
    ("the ache in my belly went from nothing to unbearable in a minute", "severe_abdominal_pain"),
])
def test_scope_across_words_and_clauses(nlp, text, value):
    """"can't" denies an ability, not the pain; a clause pointing back ("in it")
    reads with the one before; a hyphen inside a word is no break; not knowing
    where one is is disorientation; a blocker's words ("from nothing to") deny nothing."""
    assert value in alert_values(nlp, text)


def test_cannot_see_is_still_a_denial(nlp):
    assert "vomiting_blood" not in alert_values(nlp, "I can't see any blood in my sick")


def test_an_age_is_long_past(nlp):
    assert "suicidal_thoughts" not in alert_values(nlp, "I cut myself at 15, I'm 40 now and doing well")


# Categories found by bank F (run once unchanged first), with new wordings.
@pytest.mark.parametrize("text, value", [
    ("the nurse ran through it: no fainting, no vomiting blood, no confusion", "vomiting_blood"),
    ("no urge to hurt myself or to end my life, just worried", "suicidal_thoughts"),
    ("the doctor asked whether I'd passed out and I said no", "fainting"),
    ("the GP asked about black poo and I told her no", "black_stools"),
    ("stools completely normal, nothing black", "black_stools"),
])
def test_denials_over_lists_and_reported_answers(nlp, text, value):
    assert value not in alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("the vet says the spaniel's poo is black and tarry, poor thing", "black_stools"),
    ("collapsed after a bleeding stomach ulcer in 2012, fixed with surgery, never happened again", "fainting"),
])
def test_an_animals_sign_and_a_resolved_one_are_not_now(nlp, text, value):
    assert value not in alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("my wife is the patient, she says she keeps thinking about taking her own life", "suicidal_thoughts"),
    ("I've got belly ache but to be honest it's unbearable, it came on all of a sudden", "severe_abdominal_pain"),
    ("the pain in my tummy is worse than kidney stones, started an hour ago", "severe_abdominal_pain"),
    ("of late I have contemplated ending matters", "suicidal_thoughts"),
    ("my son says I didn't know what day of the week it was last night", "confusion"),
])
def test_other_persons_words_severity_by_comparison_and_formal_wording(nlp, text, value):
    assert value in alert_values(nlp, text)


def test_pain_shown_by_behaviour_with_fever(nlp):
    said = "I feel like I am burning up and I keep clutching my right side"
    assert {"fever", "abdominal_pain"} <= alert_values(nlp, said)


def _offline(nlp, case):
    """What the dialogue does with the case after the opener: alert, or ask once.

    Only a red-flag rule sets the triage in the same turn (actions.alert_red_flags);
    the level of a rule that is no red flag ("tummy pain that keeps coming back")
    comes at the form's end. Reading the plain level here counted "Is a fever
    normal with this? I've had 38 point something ... an ache under my ribs"
    (bank AE) as answered when the live judge saw no triage."""
    reading = pipeline.read(nlp, case["text"])
    opener = pipeline.read(nlp, OPENER).entities
    facts = conversation.facts_from_entities([e.as_rasa() for e in opener + reading.entities])
    flags = engine.red_flags(engine.Case.of(facts), KB)
    level = max((rule.level for rule in flags), key=RANK.__getitem__, default="reassurance")
    need = "see_clinician_soon" if case["flag"] == "fever_with_pain" else "emergency"
    same = RANK[level] >= RANK[need]
    return same, same or bool(reading.cues)


# Floors per bank: (recall after one question, per sign; same-turn recall; false alarms).
# Each bank was run once unchanged first (results/redflags.md), then its categories
# were fixed; these floors keep what each reached. Bank c's first run was the lowest
# (0.76 / 0.83 / 8 %) and it keeps a margin.
FLOORS = {"bank_a": (0.98, 0.90, 0.05), "bank_b": (0.98, 0.90, 0.05), "bank_c": (0.90, 0.85, 0.05),
          "bank_d": (0.98, 0.90, 0.05), "bank_e": (0.98, 0.90, 0.05),
          # Bank f: first run 0.89 / 0.95 / 8 % (live, judge protocol); one confusion case
          # ("new confusion ? related") is still read as a question.
          "bank_f": (0.95, 0.90, 0.05),
          # Bank g: written after every fix above, run once unchanged (live): 0.85 / 0.93 / 3 %
          # with the concept lists, 0.85 / 0.96 / 3 % with the learned second opinion, which was
          # not trained on it. Not tuned on: its floor is that run, with a margin.
          # Bank g, after its categories were fixed (and it joined the model's training).
          "bank_g": (0.95, 0.90, 0.05),
          # Bank h: written after the g fixes, run once unchanged (live, judge): 0.89 same turn,
          # 0.94 after one question, 2 % false emergencies; then fixed by category.
          "bank_h": (0.95, 0.90, 0.05),
          # Bank i: written after the h fixes, run once unchanged (live, judge), not tuned on:
          # 0.91 same turn, 0.97 after one question (cholangitis, fever with pain and vomiting
          # blood 0.92), 4 % false emergencies. Its floor is that run.
          "bank_i": (0.90, 0.88, 0.05),
          # Bank j: written after the i fixes, run once unchanged (live): 0.86 same turn, 0.95
          # after one question (confusion and fever with pain 0.88), 7 % false emergencies.
          # Opened in the next session and fixed by category (it then joined the model's training).
          "bank_j": (0.95, 0.88, 0.05),
          # Bank k: written after the j fixes, run once unchanged (live, judge): 0.88 same turn,
          # 0.97 after one question (0.95 for five signs), 5 % false emergencies; then fixed by
          # category (not in the model's training).
          "bank_k": (0.95, 0.88, 0.05),
          # Bank l: written after the k fixes, run once unchanged (live, judge): 0.88 same turn,
          # 0.99 after one question (vomiting blood 0.90, the rest 1.00), 9 % false emergencies;
          # then fixed by category (not in the model's training).
          "bank_l": (0.95, 0.88, 0.05),
          # Bank m: written after the l fixes, run once unchanged (live, judge): 0.90 same turn,
          # 0.98 after one question (black stools, fever with pain, vomiting blood 0.95; the rest
          # 1.00), 3 % false emergencies. Opened in the sixth session and fixed by category
          # (not in the model's training): 0.91 / 1.00 / 3 % offline.
          "bank_m": (0.95, 0.88, 0.05),
          # Bank n: written in the sixth session after the m fixes were begun, run once unchanged
          # (live, judge): 0.88 same turn, 0.96 after one question (confusion 0.86, self-harm
          # 0.90, black stools and fever with pain 0.95), 5 % false emergencies; then fixed by
          # category (not in the model's training): 0.91 / 0.99 (confusion 0.95) / 4 % offline.
          "bank_n": (0.95, 0.88, 0.05),
          # Bank o: written at the start of the seventh session, run once unchanged (live, judge):
          # 0.88 same turn, 0.97 after one question (confusion 0.88, cholangitis 0.92, self-harm and
          # vomiting blood 0.96), 4 % false emergencies; then fixed by category (not in the model's
          # training): 0.92 / 1.00 / 0 % offline.
          "bank_o": (0.98, 0.88, 0.05),
          # Bank p: written at the start of the seventh session, run once unchanged after the bank O
          # fixes (live, judge): 0.94 same turn, 1.00 after one question for every sign, 6 % false
          # emergencies (dreams, names and titles, puzzlement, denials at the end); then fixed by
          # category: 0.94 / 1.00 / 0 % offline.
          "bank_p": (0.98, 0.90, 0.05),
          # Bank q: the second bank of the seventh session, written with p, run once unchanged after
          # the p fixes (live, judge): 0.94 same turn, 0.99 after one question (cholangitis, collapse,
          # confusion 0.96; the rest 1.00), 3 % false emergencies; then fixed by category.
          "bank_q": (0.95, 0.90, 0.05),
          # Bank r: written at the start of the eighth session, run once unchanged after the set K
          # fixes (live, judge, commit 2dd4046): 0.96 same turn, 0.99 after one question
          # (confusion 0.93, collapse 0.96; the rest 1.00), 2 % false emergencies; then fixed by
          # category (a state followed by a time is no puzzlement, describing losing awareness
          # denies nothing, a thing that makes the user confused, sleepiness with an everyday cause).
          "bank_r": (0.98, 0.90, 0.05),
          # Bank s: written during the eighth session, run once unchanged at e5e29ed (live, judge):
          # 0.95 same turn, 0.99 after one question (cholangitis 0.91: the triad inside a question,
          # "is it the liver if I've got a fever, a yellow tinge...?"; the rest 1.00), 2 % false
          # emergencies ("overdosed on Google", a list of signs "I have neither"); then fixed by
          # category in the ninth session (an ellipsis ends a sentence, an onset with no subject
          # after a question, an overdose is of a medicine, a denial at the end of a list):
          # 0.96 / 1.00 / 0 % offline, live 0.95 / 0.99 / 2 % before.
          "bank_s": (0.98, 0.90, 0.05),
          # Bank t: written at the start of the ninth session, run once unchanged at 1ec106b (live,
          # judge): 0.97 same turn, 1.00 after one question for every sign, 2 % false emergencies
          # (a best friend's faint, a leaflet's list); then fixed by category.
          "bank_t": (0.98, 0.90, 0.05),
          # Bank u: written in the ninth session after the T fixes, run once unchanged at 2f50b8d
          # (live, judge): 0.95 same turn, 1.00 after one question for every sign, 6 % false
          # emergencies (reported questions answered "I haven't, ...", a page that mentions signs,
          # a list then "I have none of them", sleepiness after jet lag); then fixed by category.
          "bank_u": (0.98, 0.90, 0.05),
          # Bank v: written after the U fixes, run once unchanged at 8cc1729 (live, judge): 0.95 same
          # turn, 0.99 after one question (black stools 0.95: "blk stools 2day"), 5 % false
          # emergencies (a form ticked no, "nothing like that", topics read or studied); then fixed.
          "bank_v": (0.98, 0.90, 0.05),
          # Bank w: written after the V fixes, run once unchanged at a8fb165 (live, judge): 0.96 same
          # turn, 1.00 after one question for every sign, 6 % false emergencies (a list then "none
          # of those apply", "told her honestly no", a muddle in a correction, "confusing report",
          # someone "next to me"); then fixed by category.
          "bank_w": (0.98, 0.90, 0.05),
          # Bank x: written after the W fixes, run once unchanged at 5d03921 (live, judge): 0.94 same
          # turn, 0.99 after one question (cholangitis 0.96: a neighbour who saw the user's yellow
          # eyes; collapse 0.96: "not sure if related, I passed out"), 3 % false emergencies (a fear
          # of what may come, "would black stools mean I'm bleeding?", black liquorice, jet lag
          # given later, collapsing onto the sofa); then fixed by category.
          "bank_x": (0.98, 0.90, 0.05),
          # Bank y: written at the start of the eleventh session, run once unchanged at ae68086
          # (live, judge): 0.97 same turn, 0.98 after one question (black stools, confusion, fever
          # with pain 0.95: "number 2s are black???", "me no think straight", "not very strong
          # pain"), 6 % false emergencies (advice about a sign, "not once have I", squid ink, jargon
          # that confuses); then fixed by category.
          "bank_y": (0.98, 0.90, 0.05),
          # Bank z: written in the eleventh session after the Y fixes, run once unchanged at 0f37e52
          # (live, judge): 0.88 same turn, 0.99 after one question (cholangitis 0.95: "she says the
          # whites of my eyes are yellow"), 10 % false emergencies (stories, jobs, quoted forms,
          # inverted and perception denials, decades ago, a twin, fears, "almost blacked out");
          # then fixed by category.
          "bank_z": (0.98, 0.90, 0.05),
          # Bank aa: written after the Z fixes, run once unchanged at 46a6317 (live, judge): 0.90 same
          # turn, 0.98 after one question (confusion 0.92: relatives typing about the patient;
          # cholangitis 0.96), 10 % false emergencies (jobs, a named character, imagined questions,
          # checklists, messages passed on, a short night); then fixed by category. One relative's
          # confusion ("he thinks it's 1985") is still read as long ago: its floor keeps a margin.
          "bank_aa": (0.95, 0.90, 0.05),
          # Bank ab: written after the AA fixes, run once unchanged at 9ed533c's behaviour (live, judge):
          # 0.93 same turn, 0.98 after one question (black stools 0.95, self-harm and vomiting blood
          # 0.96), 6 % false emergencies (a proxy denied, kin words of other languages, reported
          # questions answered no, a year long ago, study and teaching, an app's list, rambling);
          # then fixed by category. Still missed: "They've been black like tar" a sentence after
          # "my stools", and a 111 text's "haematemesis" quoted back (read as the document's).
          "bank_ab": (0.95, 0.90, 0.05),
          # Bank AD (bank AC was written but lost with its machine before any run): run once
          # unchanged (live, judge, at 302c1e9): same turn 0.93, after one question 0.95 (vomiting
          # blood, fever with pain: one miss each), false alarms 2.6 %. Fixed by category: a question
          # pointing back at what was told ("puked up blood ... is that from the liver?"), a relative
          # "who had the CT", care over ("she's home now"), decades of life ("in my 20s"), a sedating
          # medicine named as the reason for sleepiness. After: 0.94 / 1.00 / 0 %.
          "bank_ad": (0.98, 0.90, 0.05),
          # Bank AE: written after the AD fixes, run once unchanged (live, judge, at 41ab705): same
          # turn 0.94, after one question 0.98 (black stools, cholangitis, fever with pain 0.95: one
          # miss each), false alarms 1.5 %. Fixed by category: a decimal said in words ("38 point
          # something"), "had it all night" confirming a sign asked about, "hot to the touch",
          # "career suicide", a stool sample's kit.
          "bank_ae": (0.98, 0.90, 0.05),
          # Bank AF: written after the AE fixes, run once unchanged (live, judge, at eaea5db): same
          # turn 0.97, after one question 1.00 for every sign, false alarms 0 of 121. Not tuned on.
          "bank_af": (0.98, 0.90, 0.05)}


@pytest.mark.parametrize("bank", BANKS, ids=[b.stem for b in BANKS])
def test_independent_bank_keeps_its_figures(nlp, bank):
    """Per sign: recall after at most one question; overall same-turn recall;
    near-misses: false emergencies."""
    final_floor, same_floor, alarm_ceiling = FLOORS.get(bank.stem, (0.98, 0.90, 0.05))
    per = collections.defaultdict(lambda: [0, 0, 0])
    false_alarms = near = 0
    for case in json.loads(bank.read_text(encoding="utf-8")):
        same, final = _offline(nlp, case)
        if case["flag"]:
            per[case["flag"]][0] += 1
            per[case["flag"]][1] += same
            per[case["flag"]][2] += final
        else:
            near += 1
            false_alarms += same
    assert near and false_alarms / near <= alarm_ceiling
    for sign, (n, same, final) in per.items():
        assert final / n >= final_floor, (sign, final, n)
    total = sum(v[0] for v in per.values())
    assert sum(v[1] for v in per.values()) / total >= same_floor


def test_a_message_describing_a_symptom_is_never_a_command_that_erases():
    """'poo black. again.' was read as 'start again' (independent bank C),
    'started self harming again' too (bank D): the conversation was wiped."""
    from rasa.shared.nlu.training_data.message import Message

    from assistant.nlp.component import ReadableTextGuard

    guard = ReadableTextGuard({"min_known_share": 0.5}, None, None, vocabulary=["poo", "black", "again"])
    ranking = [{"name": "restart", "confidence": 0.6}, {"name": "inform", "confidence": 0.3}]
    message = Message(data={"text": "poo black. again.", "intent": dict(ranking[0]), "intent_ranking": ranking,
                            "entities": [{"entity": "symptom", "value": "black_stools"}]})
    guard.process([message])
    assert message.get("intent")["name"] == "inform"
    plain = Message(data={"text": "start again", "intent": dict(ranking[0]), "intent_ranking": ranking, "entities": []})
    guard.process([plain])
    assert plain.get("intent")["name"] == "restart"


def test_a_degree_word_qualifies_the_words_after_it(nlp):
    """Set D: "acting confused ... since this morning, I do feel a bit muddled"
    was a question only: "a bit" belongs to "muddled", not to the confusion."""
    assert "confusion" in alert_values(
        nlp, "my son says i've been acting confused and forgetting things since this morning, i do feel a bit muddled")
    assert "confusion" not in alert_values(nlp, "I feel a bit confused")


@pytest.mark.parametrize("text", [
    "Our toddler fainted after holding his breath in a tantrum, the GP said it's common and harmless",
    "My teenager is off to see Suicide Squad with mates so I've got the house to myself",
    "Ending it with my boyfriend was easier than waiting for these results lol",
    "I'm doing my nursing dissertation on self-harm in young people, but this is about my own scan",
])
def test_a_childs_sign_a_title_a_relationship_or_a_topic_is_no_alert(nlp, text):
    """Bank I's false emergencies (first run, 5 of 115), by category."""
    assert not alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    # "when I was" is long ago only before an age.
    ("my son was with me when I was sick after breakfast and he says there was blood in it", "vomiting_blood"),
    # One part pointed at makes the whole question about now.
    ("could a fever of 38.4 and this pain on my right under the ribs be linked to the calcification?", "fever"),
    # The person typing names the patient: "the CT is my mum's", "I'm her son".
    ("I'm her son, the CT is my mum's. She's had a temperature of 38.4 since last night", "fever"),
    # Yellow said as a colour people know, and in Scots.
    ("my skin's gone the colour of a highlighter pen", "jaundice"),
    ("ma een are yella", "jaundice"),
])
def test_bank_i_categories(nlp, text, value):
    """Bank I's misses after one question (its first run), by category."""
    assert value in alert_values(nlp, text)


def test_when_i_was_a_child_is_still_long_ago(nlp):
    assert "vomiting_blood" not in alert_values(nlp, "when I was 8 I was sick with blood once")


def cues(nlp, text):
    return pipeline.read(nlp, text).cues


@pytest.mark.parametrize("text, cue", [
    ("fainted at work lol im fine now tho", "fainting"),
    ("blacked out at the shops, all fine now", "fainting"),
])
def test_over_and_done_with_but_no_time_is_asked_not_dropped(nlp, text, cue):
    """Bank j: a faint one came round from is still an emergency; "fine now" with
    no time long past is a question, never history."""
    assert cue in cues(nlp, text)
    assert cue not in alert_values(nlp, text)


@pytest.mark.parametrize("text", ["fainted in 2009, fine ever since",
                                  "I used to feel suicidal but I'm in a good place now"])
def test_over_and_done_with_long_ago_stays_history(nlp, text):
    assert not cues(nlp, text) and not alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("101F and it's sore on the right side just under the ribcage", "fever"),
    ("probably flu but 38 on the thermometer and my side under the ribs aches", "fever"),
    ("🤒 + pain under right ribs since yday", "fever"),
    ("twice today I've not known where I was in my own flat", "confusion"),
    ("He's not right since the morning, wandering the house looking for the dog. It's his CT", "confusion"),
])
def test_bank_j_categories(nlp, text, value):
    """Units glued to a number, a reading word a few words on, an emoji; not
    knowing said with any negation and any form of "know"; a person whose
    sentence names an animal after the sign."""
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", ["I'm 38 years old and my side aches", "no I know where I am, I'm not confused",
                                  "My dog was sick this morning, he vomited blood", "mum's dog is wandering, confused"])
def test_bank_j_near_misses(nlp, text):
    assert not alert_values(nlp, text) & {"fever", "confusion", "vomiting_blood"}


@pytest.mark.parametrize("text", ["I've got a fever since yesterday and it aches when I breathe in",
                                  "there is pain under my right ribs and I am boiling"])
def test_fever_with_pain_half_read_is_asked(nlp, text):
    """One of the two stated, the other only hinted: the check's one question."""
    assert "fever_with_pain" in cues(nlp, text)


@pytest.mark.parametrize("text", ["I've got a fever and no pain anywhere", "fever and pain under my right ribs",
                                  "I have a fever"])
def test_fever_with_pain_not_asked_when_read_or_denied_or_unhinted(nlp, text):
    assert "fever_with_pain" not in cues(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("I brung up what looked like black coffee bits when I was sick after me tea, is that me liver?",
     "vomiting_blood"),
    ("blck stoolz 2day n yday", "black_stools"),
    ("lost consciousness for a moment while walking the dog this morning", "fainting"),
    ("most nights I lie there planning how I'd kill myself", "suicidal_thoughts"),
    ("partner says I'm not making sense and asking the same thing over and over", "confusion"),
])
def test_bank_k_categories(nlp, text, value):
    """"when I was" before no age is the moment; vowels dropped; an animal named
    after the sign; a hedge on thoughts of self-harm; a state after "I'm"."""
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    "sorry, I muddled up the dates, the scan was in June not July",
    "the radiologist's wording doesn't make sense to me, can you put it in plain English?",
    "I got lost on the way to the hospital because the signs were so confusing",
    "my name was blacked out on the copy of the report they sent, is that normal?",
    "I cut myself chopping onions last night, is it OK to have a biopsy with a cut finger?",
])
def test_bank_k_near_misses(nlp, text):
    """Things that are unclear, facts mixed up, redacted words, an accident: no alert."""
    assert not alert_values(nlp, text) & {"confusion", "fainting", "suicidal_thoughts"}


def test_a_symptom_called_mine_inside_a_question_is_there(nlp):
    text = "Could the calcification be causing my fever and the ache on the right side under my ribs?"
    assert "fever" in alert_values(nlp, text)
    assert "fever_with_pain" in cues(nlp, text)


@pytest.mark.parametrize("text, value", [
    ("vmtng bld agn, 3rd time", "vomiting_blood"),
    ("my stomach turned over and up came a load of bright red, not wine, I don't drink", "vomiting_blood"),
])
def test_bank_l_categories(nlp, text, value):
    """Vowel-less words whose consonants most concept words share; an inverted "up came"."""
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    "this report is so muddled, the radiologist contradicts himself in the last paragraph",
    "the report mixes up hepatic and hepatitis in one line, is that a typo?",
    "if I got a sudden severe tummy pain, what should I do?",
    "I could have fainted when I saw the word metastases, figuratively speaking",
    "the copy they posted me has whole lines blacked out, is that normal?",
    "I'm a lifeguard so I know what to do when someone collapses",
    "I've been cutting back on alcohol since the scan, is that good?",
])
def test_bank_l_near_misses(nlp, text):
    """A thing as the subject of a state; "what should I do" is no confirmation; "could have"
    is counterfactual; lines blacked out; someone else; cutting back."""
    assert not alert_values(nlp, text) & {"confusion", "fainting", "suicidal_thoughts", "severe_abdominal_pain"}


@pytest.mark.parametrize("text", ["she's acting confused since this morning, it's her scan",
                                  "this confusion started yesterday and I can't think straight"])
def test_a_persons_confusion_with_a_thing_word_nearby_is_still_read(nlp, text):
    assert "confusion" in alert_values(nlp, text)


# ---- Categories from bank M (opened after its first run); wordings of our own ----

def test_a_denied_severity_leaves_the_pain():
    """"fever and pain under my right ribs, not severe": the severity is denied, the pain is there."""
    nlp = pipeline.build(KB)
    found = symptoms(nlp, "I have a fever and pain under my right ribs, it's not severe though")
    assert ("abdominal_pain", None, ()) in found and ("fever", None, ()) in found


@pytest.mark.parametrize("text", ["threw up in the bathroom and it was red, not from food, bright blood red",
                                  "I was sick and it was red, not from beetroot, real blood"])
def test_a_denied_explanation_ends_its_denial(nlp, text):
    assert "vomiting_blood" in alert_values(nlp, text)


def test_a_confirmation_before_the_sign_in_its_clause(nlp):
    """A reported question ("asked if it was tarry") answered first ("that's exactly what mine is, tarry")."""
    text = "the GP asked whether it was sticky - that's exactly what mine is, sticky and dark"
    assert "black_stools" in set(cues(nlp, text)) | alert_values(nlp, text)


@pytest.mark.parametrize("text", ["the consultant mentioned 'melaena' on the phone, what does that mean?",
                                  "my letter says 'haematemesis' - what's that?"])
def test_a_term_quoted_and_asked_about_is_no_sign(nlp, text):
    assert not alert_values(nlp, text)


# ---- Categories from bank N (opened after its first run); wordings of our own ----

@pytest.mark.parametrize("text, value", [
    ("no hope left tbh, planning to end it all", "suicidal_thoughts"),
    ("I sorted my will last week and wrote goodbye letters to my family", "suicidal_thoughts"),
    ("poo black 3 days now, is that normal??", "black_stools"),
    ("temp reading 39ish since lunch and it aches under my right ribs", "fever"),
    ("I not understand where I am since this morning", "confusion"),
    ("had to ask my neighbour what day it is, couldn't work it out today", "confusion"),
])
def test_bank_n_categories(nlp, text, value):
    """A denial ends at a comma before a state in -ing; a time word inside a concept's
    words is the concept's; "3 days now" is a real time; "39ish" is a number; verbs of
    understanding and working out are verbs of knowing; the one asked is not the one
    it is about."""
    assert value in alert_values(nlp, text)


def test_a_question_opening_with_if_imagines_all_it_lists(nlp):
    assert not alert_values(nlp, "if I had a fever, pain under my ribs and yellow skin, would that be bad?")


# --- Seventh session: categories from independent bank O (own wordings) ------------------------


@pytest.mark.parametrize("text, value", [
    # A negation that is a concept's own words denies nothing around it.
    ("she's so drowsy and not making sense tonight, she's the patient", "confusion"),
    ("I'd rather not be alive any more", "suicidal_thoughts"),
    # The user is the subject of the sign though another person found it.
    ("my neighbour saw the blood in the sink after I'd been sick", "vomiting_blood"),
    # A list told before a dash and a one-word question after it.
    ("38.9 fever, yellow eyes, pain under the right ribs - connected?", "jaundice"),
    # Scots: "cannae mind" is can't remember, "dinnae ken whit day" is not knowing the day.
    ("I cannae mind whit day it is, never been like this", "confusion"),
])
def test_bank_o_categories_read_the_sign(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    # Work: what a nurse or a helpline volunteer sees in others.
    "I'm an A&E nurse, we see people vomiting blood every shift. Is my calcification serious?",
    "I run suicide prevention training at work, what causes calcified granulomas?",
    # A charcoal tablet darkens stools as iron does: asked, not alerted.
    "activated charcoal tablets have turned my poo black, is that a problem?",
    # A list of signs asked and answered together.
    "Vomiting blood? Black poo? Fainting? I have had none of these, thankfully",
    # A negation that is part of another reading still denies.
    "I don't want to hurt myself by mistake with the wrong painkillers",
    # Scots denial.
    "I didnae faint, just felt a bit wobbly",
])
def test_bank_o_near_misses_raise_no_alarm(nlp, text):
    assert level_of(nlp, text) != "emergency", text


def test_a_he_with_nobody_named_is_the_patient(nlp):
    assert ("confusion", None, ()) in symptoms(nlp, "he's awfully drowsy and muddled tonight")
    assert ("confusion", "family", ()) in symptoms(nlp, "my brother is drowsy and muddled tonight")


# --- Seventh session: categories from independent bank P (own wordings) ------------------------


@pytest.mark.parametrize("text", [
    # A dream reaches the whole clause after it.
    "had a nightmare that I passed out on the train and nobody helped, woke up shaking but fine",
    # A name after "called" or a title, in quotes or capitals.
    "my daughter's band is called Black Stool Riot, don't ask",
    "the booklet is titled 'vomiting blood and other warning signs', do I need it?",
    # Puzzled by the report, not confused.
    "my head's all over the place working out what this report means",
    # A reported question answered no at the end of its sentence.
    "the doctor asked whether my poo had been black and I haven't noticed anything like that and I haven't",
    "the GP asked if I'd fainted recently and I haven't",
    # "nor I" is one of those denying.
    "Neither my partner nor I have seen any yellow in my eyes, and I haven't passed out",
])
def test_bank_p_near_misses_raise_no_alarm(nlp, text):
    assert level_of(nlp, text) != "emergency", text


@pytest.mark.parametrize("text, value", [
    ("I had a bad dream, then woke up and was sick with blood in it", "vomiting_blood"),
    ("what if the black poo I've had since Friday is from the liver?", "black_stools"),
    ("feel like I'm in a dream and everything is muddled since this morning", "confusion"),
    ("I haven't eaten anything red and I threw up red stuff twice today", "vomiting_blood"),
])
def test_bank_p_and_set_g_categories_still_read_the_sign(nlp, text, value):
    assert value in alert_values(nlp, text)


# --- Seventh session: categories from bank Q and sets H, J (own wordings) ----------------------


@pytest.mark.parametrize("text, value", [
    ("I've swallowed a handful of my painkillers just now", "suicidal_thoughts"),
    ("hot, 38.7, sore under the right ribs, and my husband says my eyes have gone yellow", "jaundice"),
    ("I was queueing at the post office and the next thing I knew I was on the floor, they offered an ambulance "
     "but I said no and walked home", "fainting"),
])
def test_bank_q_and_set_j_categories_read_the_sign(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    "I take a lot of tablets for my blood pressure, is that relevant?",
    "I passed out when I was about nine having a jab, nothing since",
    "I nurse confused residents at a care home, so I worry about my liver",
    "sat on the black stool at the breakfast bar reading the letter again",
])
def test_bank_q_near_misses_raise_no_alarm(nlp, text):
    assert level_of(nlp, text) != "emergency", text


def test_what_an_or_joins_to_an_imagined_sign_is_imagined(nlp):
    text = "when should I go to A&E, say if I threw up blood or passed black poo?"
    assert not alert_values(nlp, text) & {"vomiting_blood", "black_stools"}


# Bank R categories (its first run: same turn 0.96, after one question 0.99, false alarms 2 %).
@pytest.mark.parametrize("text, value", [
    ("my family have remarked that I have become increasingly confused over the last two days", "confusion"),
    ("twice since yesterday I fall down without knowing and wake up on the floor", "fainting"),
    ("I can hardly keep my eyes open since yesterday even though I slept 10 hours", "confusion"),
])
def test_bank_r_categories(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    "I'm so sleepy after my night shift, otherwise fine",
    "the report has me confused, it says 'calcified foci'",
    "I'm confused over the results",
])
def test_bank_r_near_misses(nlp, text):
    assert not {"confusion", "fainting"} & alert_values(nlp, text)


def test_they_who_found_it_are_the_clinicians(nlp):
    """Set L: 'they found calcification ... the pain now is sudden and really bad' is the user's."""
    text = ("had a ct for kidney stones they found calcification in liver as well the pain now is sudden "
            "and really bad on the right side cant sit still started about an hour ago")
    assert "severe_abdominal_pain" in alert_values(nlp, text)
    assert "vomiting_blood" not in alert_values(nlp, "they have been vomiting blood")


# Bank S categories (its first run: same turn 0.95, after one question 0.99, false alarms 2 %).
def test_an_ellipsis_ends_the_sentence_before_a_question(nlp):
    """'..' is a full stop in text-speak: the question after it does not reach back."""
    text = "yellowish skin n eyes, fever, achey right upper tummy.. is this from the calcification?"
    assert {"jaundice", "fever"} <= alert_values(nlp, text)
    assert level_of(nlp, text) == "emergency"


def test_an_onset_without_a_subject_after_a_question_is_the_signs_just_asked_about(nlp):
    text = ("is it the liver if I've got a fever, a yellow tinge to my skin and a mild pain on the right "
            "under my ribs? started last night")
    assert level_of(nlp, text) == "emergency"
    # A worry that started is not an onset of the sign.
    assert "vomiting_blood" not in alert_values(nlp, "what if I vomit blood? started to worry last night")


@pytest.mark.parametrize("text, alert", [
    ("I overdosed on my sleeping tablets last night", True),
    ("I took an overdose of amitriptyline", True),
    ("I overdosed on Google last night and now I'm terrified", False),
    ("I took an overdose of lamotrigine", False),  # no known medicine: asked, not dropped
    ("I overdosed on my phone last night", False),
])
def test_an_overdose_is_of_a_medicine_otherwise_asked(nlp, text, alert):
    reading = pipeline.read(nlp, text)
    assert ("suicidal_thoughts" in alert_values(nlp, text)) is alert
    if not alert:
        assert "suicidal_thoughts" in reading.cues


@pytest.mark.parametrize("text", [
    "i read that black stools and vomiting blood are warning signs, I have neither",
    "fever and yellow eyes - neither of those",
])
def test_a_denial_at_the_end_of_a_list_points_back_at_all_of_it(nlp, text):
    assert not alert_values(nlp, text)
    assert not pipeline.read(nlp, text).cues


def test_a_sign_named_as_a_warning_sign_is_knowledge_not_the_users(nlp):
    assert "vomiting_blood" not in alert_values(nlp, "I know vomiting blood is a warning sign")
    assert "black_stools" in alert_values(nlp, "I have black stools which is a warning sign")


# Bank T categories (its first run: same turn 0.97, after one question 1.00, false alarms 2 %).
@pytest.mark.parametrize("text", [
    "my best friend fainted at her own wedding, unrelated",
    "my old colleague passed out at work last week",
])
def test_someone_outside_the_family_with_words_between(nlp, text):
    assert "fainting" not in alert_values(nlp, text)


def test_a_leaflet_listing_a_sign_is_not_the_users(nlp):
    text = "my leaflet lists 'fainting or collapse' as a warning sign, why would a liver spot make you faint?"
    assert "fainting" not in alert_values(nlp, text)
    own = "I passed out at my best friend's wedding"  # the model doubts it: asked (test_sign_model.py)
    assert "fainting" in alert_values(nlp, own) | set(pipeline.read(nlp, own).cues)


@pytest.mark.parametrize("text, confused", [
    ("sorry, I got mixed up, it's methotrexate I take, not metformin", False),
    ("sorry, not methotrexate, it's amiodarone. methotrexate is what my sister takes, I got mixed up", False),
    ("I feel really muddled today, keep losing my words, not like me at all", True),
    ("im confused. not about the scan, i mean i actually feel confused, like my head isnt working right", True),
])
def test_a_muddle_over_the_facts_in_a_correction_is_no_confusion(nlp, text, confused):
    """Sets L and M: two authors' corrections were sent to the emergency."""
    assert ("confusion" in alert_values(nlp, text)) is confused


# Near-misses of banks U, V and W, by category (first runs: false alarms 6 %, 5 %, 6 %).
@pytest.mark.parametrize("text", [
    # bank U
    "my husband asked if I'd fainted, I haven't, I just sat down because I was upset",
    "I was asked about sudden severe tummy pain at the clinic, I don't have any",
    "the NHS site mentions fainting and collapse, what's the link with the liver?",
    "there was a list on the website: fever, pain on the right, yellow skin. I have none of them",
    "jet lag, I'm sleepy in the afternoons since I flew back from Sydney on Sunday",
    # bank V
    "the clinic form asked about thoughts of self-harm and I ticked no, and that's the honest answer",
    "the article mentioned confusion in liver failure, I've had nothing like that, but why does it happen?",
    "my nursing school assignment is about haematemesis, totally unrelated to my scan, ha",
    "I read that black stools mean bleeding, is that right?",
    # bank W
    "vomiting blood, black poo, confusion, fainting - I've read your list and thankfully none of those apply",
    "The GP asked about thoughts of self-harm and I told her honestly no, I'm just stressed about work",
    "I got muddled, it was an MRI not a CT, sorry",
    "confusing report!! why mention my liver when I went in for my back",
    "the lady next to me in the scan waiting room was being sick with blood in it",
])
def test_bank_u_v_w_near_misses(nlp, text):
    assert level_of(nlp, OPENER + ". " + text) != "emergency"


def test_an_item_after_a_list_of_own_denials_is_affirmed(nlp):
    text = "'no fever, no pain, black tarry stools since Tuesday, CT showed liver calcs'"
    assert "black_stools" in alert_values(nlp, text)
    assert "black_stools" not in alert_values(nlp, "no fever, no pain, or black stools")


def test_a_denial_taken_back_with_they_were(nlp):
    text = "the doctor asked if I had black stools and I said no, but actually this morning they were black"
    assert "black_stools" in alert_values(nlp, text)




@pytest.mark.parametrize("text, value", [
    ("blk stools 2day", "black_stools"),
    ("i can't cope with this. i've taken a whole pack of my tablets tonight", "suicidal_thoughts"),
])
def test_bank_v_and_set_o_signs(nlp, text, value):
    assert value in alert_values(nlp, text)




def test_me_after_a_word_of_place_is_where_not_who(nlp):
    assert "vomiting_blood" in alert_values(nlp, "I was vomiting blood next to my husband")


@pytest.mark.parametrize("text, alert", [
    ("nothing else really. oh I did faint in the shower this morning, is that related?", True),
    ("had black stools 6 yrs ago from a stomach ulcer, fixed with tablets", False),
])
def test_set_p_signs(nlp, text, alert):
    assert bool({"fainting", "black_stools"} & alert_values(nlp, text)) is alert


@pytest.mark.parametrize("text, value", [
    # the user's own body in the sign's words, whoever noticed it
    ("I've had a fever for two days, my neighbour remarked that the whites of my eyes have turned yellow, "
     "and it aches under my right ribs", "jaundice"),
    ("my coworker said the whites of my eyes look yellow and I've been feverish with pain on the right", "jaundice"),
    # an "if" that asks whether it is relevant imagines nothing
    ("not sure if related, I passed out at the bus stop this morning for a minute", "fainting"),
    ("dunno if it's relevant but I fainted in the kitchen earlier", "fainting"),
])
def test_bank_x_signs(nlp, text, value):
    assert value in alert_values(nlp, text) and level_of(nlp, text) == "emergency"


@pytest.mark.parametrize("text", [
    # a fear of what may come
    "I'm terrified I'll start vomiting blood like my uncle did with his cirrhosis",
    "scared I might end up confused like my gran was",
    # the user after "mean": what a question asks may follow
    "would black stools mean I'm bleeding inside?",
    "does dark tarry poo mean that I'm bleeding somewhere?",
    # a dark food
    "ate a whole bag of black liquorice yesterday and my poo is a bit darker than usual",
    # the everyday cause given later in the sentence
    "bit sleepy today, I flew back from Singapore yesterday so jet lag I think",
    # flopping onto furniture
    "I collapsed onto the sofa after a long shift and watched telly all evening",
])
def test_bank_x_near_misses(nlp, text):
    assert not alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    # a degree denied is not the pain denied (fever with right-upper pain: see soon)
    ("running a temperature since last night and it hurts under my right ribs, not too bad", "abdominal_pain"),
    # a spaced dash ends a question's reach; the patient typed about is the patient
    ("it's my dad's ultrasound I'm asking about - this morning he threw up a load of blood", "vomiting_blood"),
    # a verb between the sign's own words is a statement, whatever the question marks
    ("my stools are black and sticky???", "black_stools"),
    # the state in other words
    ("since lunch my husband says I'm talking strangely and I can't think straight", "confusion"),
])
def test_bank_y_signs(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    # advice about a sign: who lists or warns, and what the sign would mean or need
    "the discharge leaflet says vomiting blood would be a reason to call an ambulance",
    "my nurse warned me the iron can turn stools black, is that normal?",
    "the clinic letter lists confusion and fainting as reasons to go to A&E, I'm fine though",
    # an inverted denial keeps its subject
    "never once have I fainted in my life",
    # a dark food
    "had squid ink risotto last night, poo this morning was black",
    # puzzled by words, not confused
    "all this medical terminology has me totally confused",
])
def test_bank_y_near_misses(nlp, text):
    assert not alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    # the user's own body in the sign's words after a third person
    ("I've had a fever since Friday and pain under my right ribs, and he says my eyes look yellow", "jaundice"),
    # disorientation said with "about": the longest reading wins over a puzzlement
    ("since yesterday I've been confused about what day it is and where I am", "confusion"),
    # the mention with the user as its subject, of two
    ("my sister called it a collapse, I blacked out in the queue this morning", "fainting"),
    # a hedge-free pain described by its onset and force
    ("the pain in my stomach came in one go an hour ago, tearing, I can't even sit", "severe_abdominal_pain"),
])
def test_bank_z_signs(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    # a story or a job: the sign's subject is someone else
    "in the movie the detective collapses on the stairs",
    "I'm an A&E nurse, I've treated plenty of patients vomiting blood",
    # a document's words quoted
    "the leaflet said 'black tarry stools? go to A&E' which scared me a bit",
    # inverted and perception denials
    "never once in my life have I passed out",
    "I don't think I've noticed any blood in my sick",
    # long ago, by decade
    "I fainted at a concert once, that was the 80s",
    # a twin is a relative
    "my twin sister is yellow and feverish with pain under her ribs, she's in hospital",
    # a fear of what may come
    "my worst fear is vomiting blood like my dad did",
    # a hedged faint
    "the parking fine was so big I nearly blacked out haha",
    # a reason given as a feeling confirms nothing
    "I searched 'black stools' online because I was curious, mine are normal",
])
def test_bank_z_near_misses(nlp, text):
    assert not alert_values(nlp, text)


def test_self_harm_in_a_reported_question_is_asked_about(nlp):
    reading = pipeline.read(nlp, "the form asked if I'd had thoughts of self-harm, why do they ask that")
    assert "suicidal_thoughts" not in alert_values(nlp, "the form asked if I'd had thoughts of self-harm, why do "
                                                         "they ask that")
    assert "suicidal_thoughts" in reading.cues


@pytest.mark.parametrize("text, value", [
    # the patient named at the end by the relative typing
    ("Dad's eyes have gone yellow, he's feverish and it hurts under his right ribs. He's the one who had the scan.",
     "jaundice"),
    # a person inside the sign's own words
    ("since lunch I keep seeing people who aren't there and I'm muddled", "confusion"),
])
def test_bank_aa_signs(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    # a question that imagines with "would" and "if"
    "what would happen if a person with calcification started passing black stools?",
    "supposing I went yellow and got a fever, should I go to A&E?",
    # a named someone as the subject
    "watching the old film again, Scarlett faints on the staircase",
    # an animal before the sign
    "I'm a dog groomer and today a terrier was vomiting blood on the table",
    # the sign as a topic of work
    "I work on a helpline and take calls about black stools every day",
    # a checklist after a colon, a message passed on
    "the warning checklist on the app: vomiting blood, confusion, collapse. why those?",
    "my aunt shared a facebook post saying 'black stool means cancer', is that true",
    # a short night given as the reason
    "I nodded off on the bus, I'd been up since 3 with the baby",
])
def test_bank_aa_near_misses(nlp, text):
    assert not alert_values(nlp, text)


@pytest.mark.parametrize("text, value", [
    # who was told is not a denial
    ("since the result, I have had thoughts of ending my life, and I have told no one", "suicidal_thoughts"),
    # the will to live lost; a typo on a short word and "my self"
    ("I've lost the will to live since my husband died, and now this scan", "suicidal_thoughts"),
    ("i want to kil my self", "suicidal_thoughts"),
    # a hedge, then the sign said plainly in the next sentence (set S)
    ("i think my poo might be black? it's really dark and sticky, been like that two days", "black_stools"),
])
def test_bank_ab_signs(nlp, text, value):
    assert value in alert_values(nlp, text)


@pytest.mark.parametrize("text", [
    # the other person is said not to be the patient; a kin word of another language
    "my dad is 88 (he's not the patient) and has dementia, he gets confused in the evenings",
    "mi abuela had black stool before they find her cancer, so now I am very worry about my scan",
    # a reported question answered no
    "I asked my husband whether I'd seemed confused lately and he laughed and said no more than usual",
    "she asked about black stools too, no again",
    # a year long ago, a full recovery
    "In 1974, whilst working in Kenya, I was admitted to hospital with jaundice and fever; I made a full recovery.",
    # studying or teaching the signs
    "nursing student here revising GI bleeds - upper GI bleeds give melaena, right?",
    "I teach first aid, and we teach sudden severe abdominal pain as a 999 call. Does liver calcification cause it?",
    # an app's list or a sheet's words quoted
    "pasted from the app: 'Warning signs: jaundice, fever, pain, confusion.' Is that list about calcification?",
    # a denial whose own clause has the user in it; rambling; a thing lost
    "I'm not being sick at all and nothing I've brought up has ever been red",
    "my cat threw up blood last month, the vet said it was hairball irritation. sorry, I'm rambling",
    "the referral got lost and I'm at my wits' end",
    # a prescribed medicine's question (set S asked about self-harm)
    "been on methotrexate for 6 years - what could be causing it and should I stop the tablets?",
])
def test_bank_ab_near_misses(nlp, text):
    same_turn_emergency, _ = _offline(nlp, {"text": text, "flag": None})
    assert not same_turn_emergency


def test_a_medicine_question_is_no_self_harm_cue(nlp):
    assert "suicidal_thoughts" not in pipeline.read(
        nlp, "been on methotrexate for 6 years - what could be causing it and should I stop the tablets?").cues


def test_a_sentence_opened_by_they_says_more_of_the_one_before(nlp):
    """Bank AB: "my stools. They've been black like tar" was not read at all."""
    assert "black_stools" in alert_values(nlp, "I wondered about the colour of my stools. They've been black like "
                                               "tar for three days.")

"""English phrasings of the sixth probe round (debunked footage, weapons on parade,
weather, money, bomb threats, flight from fighting, anniversaries told as time elapsed)
and of the seventh and eighth (new wordings of the corpus's negatives, money
metaphors, civilian deployments, controlled detonations), in sentences written for the
test: what EVENTS.md says each holds, read by the rules alone, as ``(type, place,
killed, injured)`` per event.
"""

from __future__ import annotations

import pytest

from incidents.extract.extractor import Extractor
from tests.extract.phrasing import Found, found

pytestmark = pytest.mark.slow


CASES = [
    # Footage shown to be old, doctored or made by a machine states nothing.
    pytest.param(
        "Clips shared overnight of rockets hitting Basra airport are old footage from 2019, "
        "the airport authority said.",
        [],
        id="old-footage",
    ),
    pytest.param(
        "The photo of a car bomb in Tartus was made with AI, fact-checkers found.",
        [],
        id="made-with-ai",
    ),
    pytest.param(
        "An AI-generated image of an explosion at the Mosul dam spread on social media.",
        [],
        id="ai-generated",
    ),
    pytest.param(
        "A doctored video claimed to show gunmen storming a school in Kano.",
        [],
        id="doctored",
    ),
    # Weapons on parade or on display are no shelling; a road closed for a parade is
    # still a closure.
    pytest.param(
        "At the parade in Baghdad the new rockets drew the biggest crowds.",
        [],
        id="parade-rockets",
    ),
    pytest.param(
        "The army displayed drones and missiles at a fair in Karachi.",
        [],
        id="displayed",
    ),
    pytest.param(
        "Police closed the main road in Amman for Saturday's military parade.",
        [("road_closure", "Amman", None, None)],
        id="closed-for-a-parade",
    ),
    # Weather, money and bomb threats.
    pytest.param(
        "A polar blast brought snow to Herat and closed schools on Monday.",
        [],
        id="polar-blast",
    ),
    pytest.param(
        "A blast of icy air swept across Mosul overnight.",
        [],
        id="blast-of-icy-air",
    ),
    pytest.param(
        "Parents in Erbil are shelling out more for school fees this year.",
        [],
        id="shelling-out",
    ),
    pytest.param(
        "Police cordoned off a hospital in Peshawar after a bomb threat, and a bomb squad "
        "searched the wards.",
        [("security_deployment", "Peshawar", None, None)],
        id="bomb-threat",
    ),
    pytest.param(
        "A bomb exploded at a market in Peshawar on Tuesday, wounding six people.",
        [("explosion", "Peshawar", None, 6)],
        id="a-real-bomb",
    ),
    # Flight from fighting, and anniversaries told as time elapsed.
    pytest.param(
        "Thousands fleeing the clashes in Tripoli have reached the border.",
        [],
        id="fleeing-the-clashes",
    ),
    pytest.param(
        "Five years since the bombing of the market in Quetta, traders say little has changed.",
        [],
        id="years-since",
    ),
    # A year before a noun dates that noun; the rest of a sentence dated this week is news.
    pytest.param(
        "A vigil for the victims of the 2017 Kabul truck bombing was broken up on Sunday: "
        "police arrested eleven mourners in Kabul.",
        [("arrest", "Kabul", None, None)],
        id="year-dates-its-noun",
    ),
    pytest.param(
        "The clip of a blast in Kirkuk shared today is from 2017, not from this week.",
        [],
        id="year-stands-alone",
    ),
    pytest.param(
        "In 2014 a car bomb killed 40 people in Kirkuk.",
        [],
        id="year-of-history",
    ),
    # Seventh round: new wordings of the corpus's own kinds of negatives.
    pytest.param(
        "Despite the panic online, no one was kidnapped outside the school in Kano.",
        [],
        id="no-one-was-kidnapped",
    ),
    pytest.param(
        "Gunmen shot dead a shopkeeper in Kirkuk on Monday and nobody was arrested.",
        [("shooting", "Kirkuk", 1, None)],
        id="nobody-arrested-beside-a-shooting",
    ),
    pytest.param(
        "The device left outside the bank in Quetta did not explode.",
        [],
        id="did-not-explode",
    ),
    pytest.param(
        "Officials said there was no roadside bomb on the Kandahar highway.",
        [],
        id="no-roadside-bomb",
    ),
    pytest.param(
        "Reports of an airstrike near Idlib were unfounded, the monitor said.",
        [],
        id="unfounded",
    ),
    pytest.param(
        "Landmines killed 23 people in Hodeidah province between July and September.",
        [],
        id="between-months",
    ),
    pytest.param(
        "Over the summer, gunmen abducted dozens of travellers near Zamfara.",
        [],
        id="over-the-summer",
    ),
    pytest.param(
        "Mark my words, they're gonna bomb Khartoum airport next.",
        [],
        id="gonna",
    ),
    pytest.param(
        "Soldiers at every corner of Tripoli nowadays, it feels like a barracks.",
        [],
        id="nowadays",
    ),
    pytest.param(
        "Unverified posts speak of a gunfight in Sirte tonight.",
        [],
        id="unverified",
    ),
    pytest.param(
        "Traders in Aleppo were left shell-shocked by the new tax.",
        [],
        id="shell-shocked",
    ),
    pytest.param(
        "Clashes in Tripoli killed four fighters on Wednesday.",
        [("armed_clash", "Tripoli", 4, None)],
        id="clashes-still-news",
    ),
    # Eighth round: markets that "detonate", proposals "shot down", civil agencies that
    # deploy, rebutted assertions, tolls counted since a month, controlled detonations.
    pytest.param(
        "Wheat prices detonated in Kandahar's bazaar this month.",
        [],
        id="prices-detonated",
    ),
    pytest.param(
        "The rupee detonated on the open market in Peshawar on Monday.",
        [],
        id="currency-detonated",
    ),
    pytest.param(
        "Jordan's defenders spent the evening in Amman shooting down every long ball.",
        [],
        id="shooting-down",
    ),
    pytest.param(
        "Senators shot down the plan to raise taxes in Islamabad on Wednesday.",
        [],
        id="shot-down-plan",
    ),
    pytest.param(
        "Egypt drew 1-1 with Ghana in a World Cup qualifier in Cairo, with Salah shooting "
        "wide twice.",
        [],
        id="qualifier",
    ),
    pytest.param(
        "The education ministry has deployed mobile classrooms to camps outside Mosul.",
        [],
        id="ministry-deployed",
    ),
    pytest.param(
        "Aid workers were deployed to villages near Herat after the earthquake.",
        [],
        id="aid-deployed",
    ),
    # A security force deployed beside the rescuers is a deployment all the same.
    pytest.param(
        "Police and rescue teams were deployed in Kirkuk after the floods.",
        [("security_deployment", "Kirkuk", None, None)],
        id="police-and-rescuers-deployed",
    ),
    pytest.param(
        "Soldiers, medical crews were quickly deployed across Basra on Friday.",
        [("security_deployment", "Basra", None, None)],
        id="soldiers-and-medics-deployed",
    ),
    pytest.param(
        "Rescue teams and medical staff were deployed to Mosul after the floods.",
        [],
        id="rescuers-alone-deployed",
    ),
    pytest.param(
        "The interior ministry rejected opposition assertions that police had shot "
        "protesters in Basra.",
        [],
        id="rejected-assertions",
    ),
    pytest.param(
        "The army rebutted stories that its troops had shelled a village near Kadugli.",
        [],
        id="rebutted-stories",
    ),
    pytest.param(
        "Drone strikes have killed at least 900 civilians across Sudan since January.",
        [],
        id="killed-since-month",
    ),
    pytest.param(
        "Bandits have kidnapped more than 600 people in Katsina since the start of the year.",
        [],
        id="kidnapped-since-start",
    ),
    pytest.param(
        "Army engineers safely detonated a roadside bomb found near Baqubah on Monday.",
        [],
        id="safely-detonated",
    ),
    pytest.param(
        "Sappers blew up an old shell in a controlled manner outside Mosul on Sunday.",
        [],
        id="controlled-manner",
    ),
    pytest.param(
        "Farmers near Idlib keep finding unexploded shells in their fields.",
        [],
        id="unexploded",
    ),
    pytest.param(
        "The shooting, the third on police in the province this month, came when a gunman "
        "opened fire on a checkpoint in Bannu, killing one constable.",
        [("shooting", "Bannu", 1, None)],
        id="nth-this-month-still-news",
    ),
    pytest.param(
        "Clashes in Tripoli have killed 30 people since Monday, medics said.",
        [("armed_clash", "Tripoli", 30, None)],
        id="killed-since-weekday-still-news",
    ),
    pytest.param(
        "Troops were deployed across Karachi on Sunday after a bomb threat.",
        [("security_deployment", "Karachi", None, None)],
        id="troops-deployed-still-news",
    ),
    pytest.param(
        "A bomb exploded in Kandahar on Monday, killing three people, as prices detonated "
        "in the bazaar.",
        [("explosion", "Kandahar", 3, None)],
        id="bomb-beside-prices",
    ),
    pytest.param(
        "An unexploded shell went off in a field near Idlib on Monday, killing two children.",
        [("explosion", "Idlib", 2, None)],
        id="unexploded-went-off",
    ),
    pytest.param(
        "The verdict was a bombshell for Kabul's traders on Monday.",
        [],
        id="bare-bombshell",
    ),
    pytest.param(
        "The PM blew up the coalition in Lahore with one speech on Tuesday.",
        [],
        id="blew-up-coalition",
    ),
    pytest.param(
        "Police said no roads were closed in Baghdad on Friday.",
        [],
        id="no-roads-closed",
    ),
    pytest.param(
        "A video shows a man firing a rifle into the air at a wedding in Najaf.",
        [],
        id="into-the-air",
    ),
    pytest.param(
        "Iraqi troops are expected to deploy along the border near Sinjar next month.",
        [],
        id="expected-to-deploy",
    ),
    pytest.param(
        "No roads were closed, but a car bomb exploded in Mosul on Sunday, killing four people.",
        [("explosion", "Mosul", 4, None)],
        id="no-roads-but-bomb",
    ),
    pytest.param(
        "Gunmen fired into the air and then shot dead a shopkeeper in Quetta on Friday.",
        [("shooting", "Quetta", 1, None)],
        id="air-then-shot-dead",
    ),
    # Ninth round: new wordings of real events, and their negatives.
    pytest.param(
        "Fighter aircraft carried out a raid on a farmhouse near Raqqa on Monday, "
        "killing three people.",
        [("airstrike", "Raqqa", 3, None)],
        id="aircraft-carried-out-raid",
    ),
    pytest.param(
        "An unmanned aerial vehicle struck a fuel truck in Kassala on Friday.",
        [("airstrike", "Kassala", None, None)],
        id="uav-struck",
    ),
    pytest.param(
        "A man detonated his explosive belt at a bus station in Kandahar on Sunday, "
        "killing six people.",
        [("suicide_bombing", "Kandahar", 6, None)],
        id="detonated-his-belt",
    ),
    pytest.param(
        "Police traded fire with robbers outside a bank in Sukkur on Tuesday.",
        [("armed_clash", "Sukkur", None, None)],
        id="traded-fire",
    ),
    pytest.param(
        "Gunmen opened up on a minibus near Ibb on Saturday, killing two passengers.",
        [("shooting", "Ibb", 2, None)],
        id="opened-up-on",
    ),
    pytest.param(
        "Raiders slaughtered 12 villagers near Maiduguri on Monday night.",
        [("attack_on_civilians", "Maiduguri", 12, None)],
        id="slaughtered-villagers",
    ),
    pytest.param(
        "Masked men whisked away a lawyer from a cafe in Misrata on Thursday.",
        [("kidnapping", "Misrata", None, None)],
        id="whisked-away",
    ),
    pytest.param(
        "Militants carried off four engineers from a quarry near Gao on Sunday.",
        [("kidnapping", "Gao", None, None)],
        id="carried-off-engineers",
    ),
    pytest.param(
        "Police hauled off nine protesters from a sit-in in Multan on Friday.",
        [("arrest", "Multan", None, None)],
        id="hauled-off",
    ),
    pytest.param(
        "Soldiers nabbed five suspects in a raid in Jenin on Tuesday.",
        [("arrest", "Jenin", None, None)],
        id="soldiers-nabbed",
    ),
    pytest.param(
        "Police took into custody three men in Hyderabad on Monday.",
        [("arrest", "Hyderabad", None, None)],
        id="took-into-custody-not-kidnap",
    ),
    pytest.param(
        "Farmers barricaded the highway outside Sukkur with tractors on Wednesday.",
        [("road_closure", "Sukkur", None, None)],
        id="barricaded-highway",
    ),
    pytest.param(
        "Police stopped all vehicles from entering Peshawar on Sunday.",
        [("road_closure", "Peshawar", None, None)],
        id="stopped-vehicles",
    ),
    pytest.param(
        "Troops piled earth mounds across the road into Jericho on Monday.",
        [("road_closure", "Jericho", None, None)],
        id="earth-mounds",
    ),
    pytest.param(
        "Soldiers everywhere in Mosul today, armoured cars on the bridges.",
        [("security_deployment", "Mosul", None, None)],
        id="soldiers-everywhere",
    ),
    pytest.param(
        "Police in Multan found no evidence that the boy had been kidnapped.",
        [],
        id="no-evidence-kidnapped",
    ),
    pytest.param(
        "The airline carried off three awards at a ceremony in Dubai on Monday.",
        [],
        id="carried-off-awards",
    ),
    pytest.param(
        "The striker traded shots with the keeper in Doha but the match ended goalless.",
        [],
        id="traded-shots-sport",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_english_probe_rounds(rules_only: Extractor, text: str, expected: Found) -> None:
    assert found(rules_only, text, "en") == expected

"""Phrasings found when the extractor was first run on real news in the three languages
(the sentences here are written for the test): what EVENTS.md says each holds, as
``(type, place, killed, injured)`` per event, read by the rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.extract.extractor import Extractor
from tests.extract.phrasing import Found, article, found

pytestmark = pytest.mark.slow


CASES = [
    # A district right after its city's possessive is the place ("Mogadishu's Hodan").
    pytest.param(
        "en",
        "Police sealed off the roads around Mogadishu's Hodan district on Sunday.",
        [("road_closure", "Hodan", None, None)],
        id="en-district-after-city-possessive",
    ),
    # Arabic: duals made from the lexicon's singulars, "one" after its noun, a full stop
    # with no space after it, a threat verb.
    pytest.param(
        "ar",
        "أسفرت غارة على بلدة بيت لاهيا اليوم عن شهيد وإصابتين.",
        [("airstrike", "Beit Lahia", 1, 2)],
        id="ar-feminine-dual-casualty-noun",
    ),
    pytest.param(
        "ar",
        "انفجرت عبوة في الموصل اليوم وقُتل شخص وأصيب مدني واحد.",
        [("explosion", "Mosul", 1, 1)],
        id="ar-wahid-after-its-noun",
    ),
    pytest.param(
        "ar",
        "انفجرت قنبلة في الموصل اليوم.وأصيب ثلاثة أشخاص في انفجار آخر في كركوك.",
        [("explosion", "Kirkuk", None, 3), ("explosion", "Mosul", None, None)],
        id="ar-full-stop-without-space",
    ),
    pytest.param(
        "ar",
        "هددت الجماعة المسلحة بتفجير سيارات مفخخة في بغداد إذا لم يفرج عن عناصرها.",
        [],
        id="ar-threat-verb",
    ),
    pytest.param(
        "ar",
        "قُتل خمسة من عناصر طالبان في اشتباكات مع مسلحين في بغلان أمس.",
        [("armed_clash", "Baghlan", 5, None)],
        id="ar-taliban-is-not-a-dual",
    ),
    # A second field reading: «من» after a side of a city, titles, «الإطاحة ب», and a
    # force named for its town as the only place.
    pytest.param(
        "ar",
        "انفجرت عبوة ناسفة في الجانب الأيمن من مدينة الموصل صباح اليوم.",
        [("explosion", "Mosul", None, None)],
        id="ar-side-of-a-city-is-not-whence",
    ),
    pytest.param(
        "ar",
        "اعتقلت القوات الأمنية ما يسمى والي كركوك في قضاء الحويجة اليوم.",
        [("arrest", "Al Hawijah", None, None)],
        id="ar-a-title-names-no-scene",
    ),
    pytest.param(
        "ar",
        "أطاحت مفارز الشرطة بعصابة تسليب في قضاء الزبير اليوم.",
        [("arrest", "Zubair", None, None)],
        id="ar-toppled-a-gang-is-an-arrest",
    ),
    pytest.param(
        "fa",
        "پلیس زاهدان سه نفر را به اتهام حمل سلاح دستگیر کرد.",
        [("arrest", "Zahedan", None, None)],
        id="fa-a-force-acts-where-it-is-named-for",
    ),
    pytest.param(
        "ar",
        "قتل أربعة من عناصر الأمن العام وثلاثة مسلحين في اشتباكات في درعا اليوم.",
        [("armed_clash", "Daraa", 7, None)],
        id="ar-partitive-then-another-party",
    ),
    pytest.param(
        "ar",
        "اغتال مسلحون مجهولون ناشطاً بإطلاق عدة رصاصات عليه في الناصرية مساء اليوم.",
        [("shooting", "Nasiriyah", 1, None)],
        id="ar-bullets-plural",
    ),
    pytest.param(
        "ar",
        "سقطت قذيفة على حي الميدان بدمشق اليوم وما حدا انصاب.",
        [("shelling", "Midan", 0, 0)],
        id="ar-dialect-nobody-hurt",
    ),
    pytest.param(
        "ar",
        "أطلق مسلحون مجهولون النار على صاحب محل في الموصل فأردوه قتيلاً.",
        [("shooting", "Mosul", 1, None)],
        id="ar-object-pronoun-shot-dead",
    ),
    pytest.param(
        "ar",
        "اقتحم مسلحون منزل المختار في درعا واغتالوه أمام عائلته.",
        [("attack_on_civilians", "Daraa", 1, None)],
        id="ar-object-pronoun-assassinated",
    ),
    pytest.param(
        "ar",
        "انفجرت عبوة في مدرعة عند العريش امبارح، وسمعنا إن فيه ٣ عساكر اتصابوا.",
        [("explosion", "Arish", None, 3)],
        id="ar-egyptian-injured-verb",
    ),
    pytest.param(
        "ar",
        "انفجرت قنبلة صوتية جنب الفرن بجرمانا وما في إصابات الحمد لله.",
        [("explosion", "Jaramana", 0, 0)],
        id="ar-ma-fi-isabat",
    ),
    pytest.param(
        "ar",
        "صارت عركة عشائرية بمدينة الصدر ورمي بالرشاشات من ساعة.",
        [("armed_clash", "Sadr City", None, None)],
        id="ar-tribal-fight",
    ),
    pytest.param(
        "ar",
        "قطع محتجون الطريق الرئيسي في الناصرية وأحرقوا إطارات السيارات.",
        [("road_closure", "Nasiriyah", None, None)],
        id="ar-burning-tyres-is-a-protest",
    ),
    pytest.param(
        "en",
        "Police defused one bomb near the market in Kirkuk, but a "
        "second one exploded an hour later, wounding three people.",
        [("explosion", "Kirkuk", None, 3)],
        id="en-defused-but-a-second-exploded",
    ),
    pytest.param(
        "fa",
        "مدیر راهداری گفت راه ۱۲ روستای شهرستان سقز بر اثر برف مسدود شده است.",
        [("road_closure", "Saqqez", None, None)],
        id="fa-county-is-not-a-town",
    ),
    # Dialect arrests and closures, «عيارات»; a comparison with the past is no history.
    pytest.param(
        "ar",
        "الأمن العام مسك الشب يلي طعن الزلمة بالمزة.",
        [("arrest", "Mezzeh", None, None), ("attack_on_civilians", "Mezzeh", None, None)],
        id="ar-dialect-caught",
    ),
    pytest.param(
        "ar",
        "أطلق شخصان عيارات نارية على شاب في الزرقاء مساء أمس.",
        [("shooting", "Zarqa", None, None)],
        id="ar-iyarat",
    ),
    pytest.param(
        "ar",
        "الأمن قافل الطريق في الجيزة من الصبح.",
        [("road_closure", "Giza", None, None)],
        id="ar-egyptian-closed",
    ),
    pytest.param(
        "en",
        "A car bomb killed 12 people in Mogadishu on Monday, the "
        "deadliest attack in the city since 2017.",
        [("explosion", "Mogadishu", 12, None)],
        id="en-deadliest-since",
    ),
    pytest.param(
        "ar",
        "انفجرت عبوة ناسفة في مقديشو ما أدى إلى مقتل ثلاثة أشخاص، وهي الأعنف منذ عام 2017.",
        [("explosion", "Mogadishu", 3, None)],
        id="ar-fiercest-since",
    ),
    pytest.param(
        "fa",
        "انفجار امروز در موگادیشو که مرگبارترین حمله از سال ۲۰۱۷ است، ۱۲ کشته برجای گذاشت.",
        [("explosion", "Mogadishu", 12, None)],
        id="fa-deadliest-since",
    ),
    pytest.param(
        "fa",
        "در حمله افراد مسلح به پاسگاه انتظامی زاهدان، سه مأمور و دو مهاجم کشته شدند.",
        [("armed_clash", "Zahedan", 5, None)],
        id="fa-gunmen-attack-a-post",
    ),
    pytest.param(
        "fa",
        "از صبح توپخونه ترکیه داره روستاهای اطراف زاخو رو میکوبه.",
        [("shelling", "Zaxo", None, None)],
        id="fa-colloquial-pounding",
    ),
    pytest.param(
        "ar",
        "صدّت القوات أمس هجوماً لقوات الدعم السريع على مدينة بابنوسة "
        "غربي كردفان، وقُتل أربعة جنود في المعارك.",
        [("armed_clash", "Babanusa", 4, None)],
        id="ar-town-before-its-province",
    ),
    # English phrasings of a fifth reading: exchanges of fire, ambushes, coming under
    # fire, ramming, a car to be taken away in, drones slamming into, lives claimed.
    pytest.param(
        "en",
        "Two soldiers were killed in an exchange of fire with militants in Bunia on Monday.",
        [("armed_clash", "Bunia", 2, None)],
        id="en-an-exchange-of-fire",
    ),
    pytest.param(
        "en",
        "Heavy fighting in Bunia killed seven fighters on Sunday.",
        [("armed_clash", "Bunia", 7, None)],
        id="en-fighting-killed",
    ),
    pytest.param(
        "en",
        "Militants ambushed a column of soldiers near Mogadishu, killing 17 of them.",
        [("armed_clash", "Mogadishu", 17, None)],
        id="en-ambushed-a-column",
    ),
    pytest.param(
        "en",
        "A police convoy came under fire in Peshawar on Tuesday.",
        [("shooting", "Peshawar", None, None)],
        id="en-came-under-fire",
    ),
    pytest.param(
        "en",
        "Insurgents killed five farmers near Mogadishu on Friday.",
        [("attack_on_civilians", "Mogadishu", 5, None)],
        id="en-insurgents-killed-farmers",
    ),
    pytest.param(
        "en",
        "Two people were hurt in a car-ramming attack in Tel Aviv on Sunday.",
        [("attack_on_civilians", "Tel Aviv", None, 2)],
        id="en-car-ramming",
    ),
    pytest.param(
        "en",
        "Gunmen bundled a journalist into a car in Peshawar on Monday.",
        [("kidnapping", "Peshawar", None, None)],
        id="en-bundled-into-a-car",
    ),
    pytest.param(
        "en",
        "Two drones slammed into an apartment block in Tel Aviv overnight.",
        [("airstrike", "Tel Aviv", None, None)],
        id="en-drones-slammed-into",
    ),
    pytest.param(
        "en",
        "A roadside bomb exploded in Peshawar, claiming the lives of four soldiers.",
        [("explosion", "Peshawar", 4, None)],
        id="en-claiming-the-lives-of",
    ),
    pytest.param(
        "en",
        "Three attackers and a policeman were killed when gunmen "
        "tried to storm a police station in Dera Ismail Khan.",
        [("armed_clash", "Dera Ismail Khan", 4, None)],
        id="en-storm-a-police-station",
    ),
    # Arabic phrasings of a fifth reading: an ambush, led away to an unknown place,
    # Libyan gunfire, no deaths, lives reaped.
    pytest.param(
        "ar",
        "قُتل خمسة جنود في كمين نصبه مسلحون في مدينة تدمر اليوم.",
        [("armed_clash", "Palmyra", 5, None)],
        id="ar-ambush",
    ),
    pytest.param(
        "ar",
        "داهم مسلحون منزل الطبيب في درعا واقتادوه إلى جهة مجهولة.",
        [("kidnapping", "Daraa", None, None)],
        id="ar-led-to-an-unknown-place",
    ),
    pytest.param(
        "ar",
        "صار ضرب نار في تاجوراء من ساعة.",
        [("shooting", "Tajoura", None, None)],
        id="ar-darb-nar",
    ),
    pytest.param(
        "ar",
        "سقطت قذيفة على حي في حلب دون وقوع وفيات.",
        [("shelling", "Aleppo", 0, None)],
        id="ar-no-deaths",
    ),
    pytest.param(
        "ar",
        "حصدت غارة على الفاشر أرواح أحد عشر مدنياً.",
        [("airstrike", "El Fasher", 11, None)],
        id="ar-reaped-lives",
    ),
    pytest.param(
        "ar",
        "أغارت طائرة مسيرة على سوق بمدينة الأبيض في ولاية شمال كردفان اليوم، ما أدى إلى "
        "مقتل أحد عشر مدنياً.",
        [("airstrike", "El Obeid", 11, None)],
        id="ar-waw-of-wilaya-is-no-and",
    ),
    pytest.param(
        "fa",
        "دو راکت شب گذشته به فرودگاه اربیل اصابت کرد. به گفته مقامات "
        "اقلیم کردستان، راکت‌ها از حومه موصل شلیک شده بودند.",
        [("shelling", "Erbil", None, None)],
        id="fa-from-the-outskirts-of",
    ),
    pytest.param(
        "ar",
        "استقدمت قوات الجيش السوري مساء أمس تعزيزات عسكرية ضخمة إلى "
        "محيط مدينة دير حافر شرقي حلب، تضم دبابات وراجمات صواريخ.",
        [("security_deployment", "Dayr Hafir", None, None)],
        id="ar-rocket-launchers-are-equipment",
    ),
    pytest.param(
        "en",
        "Police foiled a suicide attack on a shrine in Samarra on "
        "Monday. The bomber blew himself up at the gate, wounding two"
        " guards.",
        [("suicide_bombing", "Samarra", None, 2)],
        id="en-foiled-then-the-bomber-blew-up",
    ),
    pytest.param(
        "en",
        "The group denied responsibility for the bombing on Monday. The bombing killed "
        "12 people at a market in Kabul.",
        [("explosion", "Kabul", 12, None)],
        id="en-a-denial-does-not-carry-on",
    ),
    pytest.param(
        "en",
        "A court in Kabul sentenced three men on Sunday for the 2021 bombing of a school. "
        "The bombing on Monday at a market in Kabul killed 12 people.",
        [("explosion", "Kabul", 12, None)],
        id="en-history-then-a-dated-bombing",
    ),
    # A contrast ends the reach of a cue that comes before it; a cue after it still
    # covers what came before.
    pytest.param(
        "en",
        "Police denied reports of a blast in Mosul, but a bomb exploded in Kirkuk on "
        "Monday, wounding two people.",
        [("explosion", "Kirkuk", None, 2)],
        id="en-denial-but-an-event",
    ),
    pytest.param(
        "en",
        "I heard there was an explosion in Kirkuk, but the police denied it.",
        [],
        id="en-event-but-a-denial",
    ),
    pytest.param(
        "en",
        "While the army held drills near Basra on Monday, rockets hit a compound in "
        "Zubair, wounding three guards.",
        [("shelling", "Zubair", None, 3)],
        id="en-while-drills-rockets-hit",
    ),
    pytest.param(
        "fa",
        "پلیس خبر انفجار در موصل را تکذیب کرد اما یک بمب در کرکوک منفجر شد و دو نفر زخمی شدند.",
        [("explosion", "Kirkuk", None, 2)],
        id="fa-denial-but-an-event",
    ),
    pytest.param(
        "ar",
        "بينما كان الجيش يجري مناورات قرب البصرة، سقطت ثلاثة صواريخ على الزبير وأصيب حارسان.",
        [("shelling", "Zubair", None, 2)],
        id="ar-while-drills-rockets-fell",
    ),
    # A place word before a name that is also the whole name of another place: the
    # context chooses («مدينة زنجبار» is Zanzibar City, or Zinjibar in Abyan).
    pytest.param(
        "ar",
        "انفجرت عبوة ناسفة بدورية عسكرية في مدينة زنجبار بمحافظة أبين صباح اليوم، "
        "ما أدى إلى مقتل جنديين.",
        [("explosion", "Zinjibar", 2, None)],
        id="ar-city-word-before-a-yemeni-town",
    ),
    pytest.param(
        "ar",
        "انفجرت عبوة ناسفة قرب فندق في مدينة زنجبار التنزانية صباح اليوم، "
        "ما أدى إلى إصابة ثلاثة أشخاص.",
        [("explosion", "Zanzibar", None, 3)],
        id="ar-city-word-before-a-tanzanian-town",
    ),
    # English: the verb "exploded", metaphors of growth, "fighting between", custody,
    # a spelling variant, explicit zeros, militants storming a base.
    pytest.param(
        "en",
        "A parked car exploded outside a bank in Kirkuk on Tuesday, wounding four people.",
        [("explosion", "Kirkuk", None, 4)],
        id="en-exploded",
    ),
    pytest.param(
        "en",
        "Demand for generators in Beirut has exploded since the summer, traders say.",
        [],
        id="en-demand-exploded",
    ),
    pytest.param(
        "en",
        "Padel has exploded in popularity in Riyadh over the past two years.",
        [],
        id="en-exploded-in-popularity",
    ),
    pytest.param(
        "en",
        "Fighting between two armed clans near Baidoa killed six people on Sunday.",
        [("armed_clash", "Baidoa", 6, None)],
        id="en-fighting-between",
    ),
    pytest.param(
        "en",
        "Two men were taken into custody in Karachi on Monday, police said.",
        [("arrest", "Karachi", None, None)],
        id="en-taken-into-custody",
    ),
    pytest.param(
        "en",
        "Bandits kidnaped nine farmers near Katsina on Saturday.",
        [("kidnapping", "Katsina", None, None)],
        id="en-kidnaped",
    ),
    pytest.param(
        "en",
        "A grenade exploded in a market in Mosul on Monday but claimed no lives.",
        [("explosion", "Mosul", 0, None)],
        id="en-claimed-no-lives",
    ),
    pytest.param(
        "en",
        "A rocket hit a warehouse in Sderot on Monday. No injuries or fatalities were recorded.",
        [("shelling", "Sderot", 0, 0)],
        id="en-no-injuries-or-fatalities",
    ),
    pytest.param(
        "en",
        "Militants stormed an army outpost near Gao on Friday, killing seven soldiers.",
        [("armed_clash", "Gao", 7, None)],
        id="en-stormed-an-outpost",
    ),
    pytest.param(
        "en",
        "Gunmen stormed a village near Zamfara's capital Gusau on Friday, killing seven farmers.",
        [("attack_on_civilians", "Gusau", 7, None)],
        id="en-stormed-a-village-is-no-clash",
    ),
    pytest.param(
        "en",
        "A suicide bomber blew himself up at a checkpoint in Bannu on Monday, killing two "
        "policemen. Witnesses said he detonated his vest as officers approached.",
        [("suicide_bombing", "Bannu", 2, None)],
        id="en-detonated-vest-is-the-suicide-bombing",
    ),
    pytest.param(
        "en",
        "Gunmen opened fire on a Toyota pickup near Gao on Monday, killing two men.",
        [("shooting", "Gao", 2, None)],
        id="en-a-toyota-is-a-truck",
    ),
    pytest.param(
        "en",
        "Houthi forces fired a missile at a tanker in the Gulf of Aden on Monday.",
        [],
        id="en-the-gulf-of-aden-is-no-town",
    ),
    pytest.param(
        "en",
        "At least 30 people were killed and 80 wounded in Israeli strikes on Gaza City on "
        "Monday, rescuers said. The health ministry also reported 30 dead and 57 injured.",
        [("airstrike", "Gaza", 30, 80)],
        id="en-another-source-also-reported-is-not-more-dead",
    ),
    pytest.param(
        "en",
        "A car bomb killed six soldiers in Kirkuk on Monday. Two civilians were also killed.",
        [("explosion", "Kirkuk", 8, None)],
        id="en-also-killed-adds-a-party",
    ),
    pytest.param(
        "en",
        "The envoy arrived in Beirut on Sunday to discuss ways to halt Israeli strikes on "
        "southern Lebanon.",
        [],
        id="en-to-halt-strikes",
    ),
    pytest.param(
        "ar",
        "قتل شخصان في انفجار عبوة ناسفة في الموصل اليوم. ويذكر أن انفجارا وقع في بغداد.",
        [("explosion", "Mosul", 2, None)],
        id="ar-it-is-noted-that-is-background",
    ),
    pytest.param(
        "fa",
        "دو نفر در انفجار بمب در کابل کشته شدند. گفتنی است انفجاری در هرات رخ داده بود.",
        [("explosion", "Kabul", 2, None)],
        id="fa-it-is-noted-that-is-background",
    ),
    pytest.param(
        "ar",
        "ردّت شركات الاتصالات في عمّان بقصف متبادل بالعروض على المشتركين.",
        [],
        id="ar-exchange-of-offers",
    ),
    pytest.param(
        "ar",
        "وقّع وجهاء الخليل ميثاقاً لمقاطعة الأعراس التي يطلق فيها الرصاص.",
        [],
        id="ar-wedding-gunfire",
    ),
    pytest.param(
        "ar",
        "قال الدفاع المدني إن التسرب في وصلة الغاز تسبب في الانفجار داخل المطعم في الزرقاء.",
        [],
        id="ar-gas-leak",
    ),
    pytest.param(
        "en",
        "The new frigate docked in Karachi carries anti-ship missiles and a helicopter deck.",
        [],
        id="en-a-ship-that-carries-missiles",
    ),
    pytest.param(
        "en",
        "Diplomats in Tehran urged Iran to curb its ballistic missile work.",
        [],
        id="en-missile-work",
    ),
    pytest.param(
        "en",
        "Critics in Karachi praised the film's tense final shootout.",
        [],
        id="en-a-film-shootout",
    ),
    pytest.param(
        "ar",
        "اعتقلت القوات الإسرائيلية فجر اليوم تسعة شبان في مدينتي طولكرم وقلقيلية.",
        [("arrest", "Qalqilya", None, None), ("arrest", "Tulkarm", None, None)],
        id="ar-arrests-in-two-cities",
    ),
    pytest.param(
        "en",
        "Police arrested 40 suspects in raids in Istanbul and Izmir on Tuesday.",
        [("arrest", "Istanbul", None, None), ("arrest", "Izmir", None, None)],
        id="en-arrests-in-two-cities",
    ),
    pytest.param(
        "en",
        "An air strike on a house in Khan Younis and Rafah killed five people on Monday.",
        [("airstrike", "Khan Younis", 5, None), ("airstrike", "Rafah", None, None)],
        id="en-a-toll-is-not-split-between-places",
    ),
    pytest.param(
        "ar",
        "قطع محتجون الطريق الرابط بين صنعاء ومأرب منذ صباح اليوم.",
        [("road_closure", "Sanaa", None, None)],
        id="ar-a-road-between-two-cities-is-one-closure",
    ),
    pytest.param(
        "ar",
        "قطع محتجون طريق صيدا الدولي بالإطارات المشتعلة اليوم.",
        [("road_closure", "Sidon", None, None)],
        id="ar-a-road-named-after-its-town",
    ),
    pytest.param(
        "ar",
        "سارعت قوة أمنية إلى تطويق السوق في كركوك بعد إطلاق نار.",
        [("security_deployment", "Kirkuk", None, None), ("shooting", "Kirkuk", None, None)],
        id="ar-verbal-noun-cordon",
    ),
    pytest.param(
        "ar",
        "قتل شخصان في انفجار في الموصل اليوم. وتشهد مناطق في كركوك بين فترة وأخرى انفجارات.",
        [("explosion", "Mosul", 2, None)],
        id="ar-from-time-to-time-is-no-event",
    ),
    pytest.param(
        "en",
        "Kabul is hit by bombings from time to time.",
        [],
        id="en-from-time-to-time-is-no-event",
    ),
    pytest.param(
        "fa",
        "هر از گاهی انفجاری در کابل رخ می‌دهد.",
        [],
        id="fa-from-time-to-time-is-no-event",
    ),
    pytest.param(
        "ar",
        "قتل الشاب سامر جراء انفجار لغم قرب درعا اليوم.",
        [("explosion", "Daraa", 1, None)],
        id="ar-the-young-man-killed-is-one",
    ),
    pytest.param(
        "ar",
        "انفجرت عبوة ناسفة في كركوك اليوم، وقتل جنديان ومترجم.",
        [("explosion", "Kirkuk", 3, None)],
        id="ar-two-soldiers-and-a-translator",
    ),
    # Persian: "an explosion" with the indefinite ی, explosive vests in a trial, a
    # detention centre, a burst of gunfire, an armed attack on a post.
    pytest.param(
        "fa",
        "انفجاری در غرب کابل دو کشته برجا گذاشت.",
        [("explosion", "Kabul", 2, None)],
        id="fa-indefinite-explosion",
    ),
    pytest.param(
        "fa",
        "دادگاه متهمان پرونده جلیقه‌های انفجاری را در کرمان محاکمه کرد.",
        [],
        id="fa-explosive-vests-are-no-explosion",
    ),
    pytest.param(
        "fa",
        "این فعال مدنی هم‌اکنون در بازداشتگاه اوین در تهران است.",
        [],
        id="fa-detention-centre-is-no-arrest",
    ),
    pytest.param(
        "fa",
        "افراد مسلح خودروی ماموران را در ایرانشهر به رگبار بستند و دو نفر را کشتند.",
        [("shooting", "Iranshahr", 2, None)],
        id="fa-burst-of-gunfire",
    ),
    pytest.param(
        "fa",
        "در درگیری مسلحانه در هرات سه نیروی امنیتی و پنج شبه‌نظامی کشته شدند.",
        [("armed_clash", "Herat", 8, None)],
        id="fa-ezafe-person-nouns-are-summed",
    ),
    pytest.param(
        "fa",
        "انفجار بمب در کویته به کشته شدن دست‌کم ۳ نفر و زخمی شدن ۴ تن دیگر انجامید.",
        [("explosion", "Quetta", 3, 4)],
        id="fa-nominal-being-killed",
    ),
    pytest.param(
        "fa",
        "در انفجار بمب در کابل چهار نفر زخم برداشتند.",
        [("explosion", "Kabul", None, 4)],
        id="fa-took-wounds",
    ),
    pytest.param(
        "fa",
        "در حمله مسلحانه به پاسگاه پلیس در سراوان، سه مامور به شهادت رسیدند.",
        [("armed_clash", "Saravan", 3, None)],
        id="fa-armed-attack-on-a-post",
    ),
]


#: Hard negatives of a second field reading: EVENTS.md gives them no event.
NEGATIVES = [
    # English: refuted shells, travel advice, what can happen, tallies, live-fire
    # training, arms deals, sport, television.
    pytest.param(
        "en",
        "No shells fell on the airport in Erbil last night, contrary to "
        "rumours, the governor's office said.",
        id="en-no-shells-fell",
    ),
    pytest.param(
        "en",
        "The embassy advises against all travel to Nineveh province, citing the"
        " risk of kidnapping and clashes.",
        id="en-travel-advice",
    ),
    pytest.param(
        "en",
        "Rocket fire can strike the border villages near Kiryat Shmona without "
        "warning, residents say.",
        id="en-can-strike",
    ),
    pytest.param(
        "en",
        "In the first half of the year, roadside bombs killed 40 soldiers in "
        "Somalia, the mission said.",
        id="en-first-half-of-the-year",
    ),
    pytest.param(
        "en",
        "In September alone, monitors recorded 19 airstrikes around Idlib.",
        id="en-month-alone",
    ),
    pytest.param(
        "en",
        "Troops held live-fire training near Kirkuk on Tuesday; explosions will be heard all day.",
        id="en-live-fire-training",
    ),
    pytest.param(
        "en",
        "The ministry signed a deal to buy anti-ship missiles from Turkey, "
        "officials said in Baghdad.",
        id="en-arms-deal",
    ),
    pytest.param(
        "en",
        "The starting gun was fired at 8 a.m. for the Erbil marathon.",
        id="en-starting-gun",
    ),
    pytest.param(
        "en",
        "The new TV drama follows a bomb disposal officer in Baghdad.",
        id="en-tv-drama",
    ),
    # Arabic: a fabricated report, a dialect denial, a burst tyre, a boast, «لأي»,
    # earlier occasions.
    pytest.param(
        "ar",
        "الخبر المتداول عن انفجار في سوق الشورجة مفبرك.",
        id="ar-fabricated",
    ),
    pytest.param(
        "ar",
        "مش صحيح انو صار تفجير بالحمرا اليوم، كلو كذب.",
        id="ar-dialect-not-true",
    ),
    pytest.param(
        "ar",
        "انقلبت حافلة على طريق كربلاء بعد انفجار إطارها ما أدى إلى مقتل ثلاثة ركاب.",
        id="ar-tyre-burst",
    ),
    pytest.param(
        "ar",
        "قال المتحدث إن صواريخ الجماعة قادرة على ضرب أي هدف في إيلات.",
        id="ar-capable-of",
    ),
    pytest.param(
        "ar",
        "عثرت الشرطة على الشاب في أربيل وأكدت أنه لم يتعرض لأي اختطاف.",
        id="ar-not-any-kidnapping",
    ),
    pytest.param(
        "ar",
        "وذكرت الشرطة بأن الرصاص العشوائي قتل أطفالا في الموصل في مناسبات سابقة.",
        id="ar-on-earlier-occasions",
    ),
    # Fiction with casualties in it; a state of emergency is not forces deployed.
    pytest.param(
        "fa",
        "در سریال «شب‌های بغداد» یک خودروی بمب‌گذاری‌شده در کراده منفجر می‌شود و دو نفر کشته می‌شوند.",
        id="fa-a-titled-series",
    ),
    pytest.param(
        "en",
        "In the sitcom, a mortar shell lands on a wedding in Mosul and kills the groom's uncle.",
        id="en-sitcom",
    ),
    pytest.param(
        "ar",
        "أعلنت السلطات حالة الطوارئ في محافظة البصرة بعد ارتفاع منسوب المياه.",
        id="ar-state-of-emergency",
    ),
    # Drones and missiles shot down or intercepted strike nothing.
    pytest.param(
        "en",
        "Air defences shot down two drones over Erbil airport overnight, officials said.",
        id="en-drones-shot-down",
    ),
    pytest.param(
        "fa",
        "پدافند هوایی دو پهپاد را بر فراز فرودگاه اربیل رهگیری و سرنگون کرد.",
        id="fa-drones-intercepted",
    ),
    pytest.param(
        "ar",
        "أسقطت الدفاعات الجوية طائرتين مسيرتين قرب مطار أربيل فجر اليوم.",
        id="ar-drones-shot-down",
    ),
    # Arabic words with an everyday sense: a win snatched, a statement published, a
    # water heater that burst.
    pytest.param(
        "ar",
        "خطف الزمالك فوزاً ثميناً من الأهلي في القاهرة بهدف في الدقيقة الأخيرة.",
        id="ar-snatched-a-win",
    ),
    pytest.param(
        "ar",
        "نشر الجيش اللبناني بياناً حول الوضع الأمني في طرابلس.",
        id="ar-published-a-statement",
    ),
    pytest.param(
        "ar",
        "أوضحت الشرطة أن الصوت الذي سمعه سكان الكرادة ناجم عن انفجار سخان ماء داخل منزل.",
        id="ar-water-heater",
    ),
    # Comments and news of a fourth reading: victims of a past blast, a prayer, football,
    # a month's tally.
    pytest.param(
        "en",
        "Families of the victims of the Beirut port explosion rallied"
        " outside the court on Saturday.",
        id="en-victims-of-a-past-blast",
    ),
    pytest.param(
        "en",
        "Praying that no more bombs go off in Kabul.",
        id="en-no-more-bombs",
    ),
    pytest.param(
        "fa",
        "خانواده‌های قربانیان انفجار بندر بیروت روز شنبه در بیروت تجمع کردند.",
        id="fa-victims-of-a-past-blast",
    ),
    pytest.param(
        "en",
        "Iraq's strikers were shooting from everywhere in Basra but the keeper was a wall.",
        id="en-strikers-shooting",
    ),
    pytest.param(
        "fa",
        "طبق گزارش سازمان ملل در مهر ماه ۳۴ حمله پهپادی در ادلب ثبت شده است.",
        id="fa-recorded-tally",
    ),
    pytest.param(
        "en",
        "A Pakistani security official said there had been no exchange of fire in Kurram.",
        id="en-no-exchange-of-fire",
    ),
    # A missile that fell into the sea, a wish for the shelling to stop, a drone show.
    pytest.param(
        "ar",
        "أطلقت الجماعة صاروخاً سقط في البحر قبالة ساحل الحديدة دون أن يصيب أي سفينة.",
        id="ar-fell-into-the-sea",
    ),
    pytest.param(
        "ar",
        "يتساءل سكان خان يونس متى يتوقف القصف ويعودون إلى بيوتهم.",
        id="ar-when-will-it-stop",
    ),
    pytest.param(
        "ar",
        "زينت عروض الطائرات المسيرة سماء كورنيش الدوحة احتفالاً باليوم الوطني.",
        id="ar-drone-show",
    ),
    # A definite noun that goes on with the history the sentence before told.
    pytest.param(
        "en",
        "A court in Peshawar sentenced four men on Tuesday for "
        "planning the 2023 suicide bombing at a mosque. The bombing "
        "killed more than 80 people.",
        id="en-the-bombing-goes-on-with-history",
    ),
    pytest.param(
        "fa",
        "دادگاهی در کابل روز سه‌شنبه چهار نفر را به اتهام طراحی "
        "انفجار سال ۲۰۲۲ در یک مسجد محاکمه کرد. این انفجار ۵۰ کشته "
        "برجای گذاشت.",
        id="fa-this-blast-goes-on-with-history",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_field_phrasings(rules_only: Extractor, lang: str, text: str, expected: Found) -> None:
    assert found(rules_only, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("شب گذشته یک بمب در جلال‌آباد منفجر شد.", dt.date(2025, 11, 19)),
        ("روز گذشته درگیری مسلحانه در هرات سه کشته برجای گذاشت.", dt.date(2025, 11, 19)),
        ("امروز درگیری مسلحانه در هرات سه کشته برجای گذاشت.", dt.date(2025, 11, 20)),
    ],
)
def test_the_past_night_is_the_day_before(rules_only: Extractor, text: str, day: dt.date) -> None:
    doc = article(text, "fa")
    assert [e.date for e in rules_only.extract(doc).events] == [day]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ar",
            "انفجرت عبوة ناسفة في سوق الرمادي صباح الأحد. وفي مساء اليوم نفسه "
            "اندلعت اشتباكات في الفلوجة.",
        ),
        (
            "en",
            "A bomb exploded in a Ramadi market on Sunday morning. Later the same day, "
            "clashes broke out in Fallujah.",
        ),
    ],
)
def test_the_same_day_is_the_day_told_before(rules_only: Extractor, lang: str, text: str) -> None:
    doc = article(text, lang)
    sunday = dt.date(2025, 11, 16)  # the Sunday before Thursday 20 November
    assert [e.date for e in rules_only.extract(doc).events] == [sunday, sunday]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES)
def test_field_negatives(rules_only: Extractor, lang: str, text: str) -> None:
    assert found(rules_only, text, lang) == []

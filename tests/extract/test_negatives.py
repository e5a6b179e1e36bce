"""Texts that name an incident without stating that one happened (EVENTS.md "Not
events"): accidents, denials, threats, hypotheticals, drills, history, statistics and
claims about an attack told nowhere else. Rules only, so the cues themselves are tested."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor

pytestmark = pytest.mark.slow

PUBLISHED = dt.datetime(2025, 11, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "text",
    [
        # accidents
        "Police ruled out terrorism, saying a faulty gas cylinder caused the blast at a "
        "restaurant in Lahore.",
        "Officials said a leaking pipeline caused the explosion in Karachi on Sunday.",
        # background
        "Gunmen have killed dozens of policemen in Quetta in recent years.",
        "Over the past years, bombings in Mosul killed hundreds of people.",
        # a commenter's claim about who carried out an attack
        "این حمله انتحاری در کابل رو داعش انجام داده، شک نکنید.",
        # denials
        "The ministry denied that a drone strike hit Idlib on Monday.",
        "وزارت کشور خبر وقوع انفجار در کربلا را تکذیب کرد.",
        # threats, hypotheticals, drills, statistics
        "The group threatened to attack checkpoints in Kirkuk.",
        "ممکن است گروه‌های مسلح به پاسگاه‌های مرزی در زاهدان حمله کنند.",
        "The army held a drill simulating a bomb attack in Basra.",
        "A total of 45 people were killed in bombings in Baghdad last month, the UN said.",
    ],
)
def test_no_event(rules_only: Extractor, text: str) -> None:
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", published=PUBLISHED
    )
    assert rules_only.extract(doc).events == ()


def test_gunmen_killed_in_the_passive_are_no_shooting(rules_only: Extractor) -> None:
    text = (
        "Fighting broke out in Jableh on Thursday between security forces and gunmen. "
        "A monitor said 13 security personnel and at least 8 gunmen had been killed."
    )
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", published=PUBLISHED
    )
    events = rules_only.extract(doc).events
    assert [(e.type.value, e.killed) for e in events] == [("armed_clash", 21)]


#: Texts in the style of news pages that name violence without reporting a new event:
#: commemorations, trials, tallies, warnings, security plans, drills, weather, prices,
#: sports, films and books, denials, negotiations, reactions, calls and advisories.
UNSTATED = [
    # en
    (
        "en",
        "Hundreds gathered in Beirut on Monday to mark the "
        "fifth anniversary of the port explosion.",
    ),
    ("en", "Families of the victims laid wreaths in Peshawar to remember the school massacre."),
    ("en", "Mourners in Kabul commemorated those killed in the bombing of the wedding hall."),
    ("en", "A memorial service was held in Mosul for the victims of the car bomb attacks."),
    ("en", "A court in Baghdad sentenced three men to death for their role in the market bombing."),
    ("en", "The trial of two suspects accused of the Quetta hospital attack opened on Sunday."),
    (
        "en",
        "An appeals court in Cairo upheld life sentences for the "
        "men convicted over the church bombing.",
    ),
    (
        "en",
        "Prosecutors in Islamabad told the judge that the "
        "defendant had planned the suicide attack.",
    ),
    ("en", "The verdict in the case of the Aleppo kidnapping is expected next week."),
    (
        "en",
        "Human Rights Watch said in its annual report that "
        "airstrikes in Idlib killed hundreds of civilians.",
    ),
    ("en", "The monitoring group recorded 120 civilian deaths from shelling in Syria in October."),
    (
        "en",
        "According to UN figures, more than 300 people have been "
        "killed in clashes in Darfur since January.",
    ),
    ("en", "The report documents 45 kidnappings in Zamfara over the past six months."),
    (
        "en",
        "Casualties from roadside bombs in Helmand fell by a third "
        "compared with the previous year, the ministry said.",
    ),
    ("en", "The militants warned they would strike government buildings in Mogadishu."),
    ("en", "Officials cautioned residents of Kirkuk about the possibility of fresh attacks."),
    (
        "en",
        "Intelligence agencies have raised concerns over a "
        "potential bombing in Lahore during the festival.",
    ),
    ("en", "Hezbollah said any Israeli attack on Beirut would be met with a strong response."),
    (
        "en",
        "The interior minister said security in Baghdad had improved and attacks were now rare.",
    ),
    ("en", "The governor of Basra announced a new plan to prevent shootings at checkpoints."),
    ("en", "Police chiefs met in Karachi to discuss measures against targeted killings."),
    ("en", "Emergency services in Tehran staged a mock explosion to test their response."),
    ("en", "Soldiers carried out a simulated hostage rescue at the airport in Erbil."),
    ("en", "A storm battered Beirut overnight, bringing down trees and power lines."),
    ("en", "Flash floods hit villages near Mosul after heavy rain."),
    ("en", "Prices exploded in Damascus after the currency lost half its value."),
    ("en", "The rial took another hit in Tehran as traders rushed to buy dollars."),
    ("en", "Al-Zawraa clashed with Al-Shorta in Baghdad in a tense derby that ended 1-1."),
    ("en", "The striker shot wide twice before scoring the winner in Doha."),
    ("en", "Peshawar Zalmi attacked from the first over and posted a big total."),
    ("en", "A new documentary about the siege of Aleppo premiered at a festival in Beirut."),
    ("en", "Her novel follows a family caught up in the bombings of Baghdad."),
    ("en", "Police in Kabul said reports of gunfire near the ministry were false."),
    ("en", "Authorities dismissed social media claims of an explosion at the airport in Tehran."),
    ("en", "The army said no clashes had taken place in Daraa, contrary to earlier reports."),
    ("en", "Negotiators in Doha discussed a halt to the shelling of Gaza."),
    ("en", "Both sides agreed to stop the fighting in Tripoli and exchange prisoners."),
    ("en", "The UN Secretary-General condemned the attack in Kabul and offered condolences."),
    ("en", "Pakistan's prime minister denounced the bombing in Quetta as cowardly."),
    ("en", "Leaders around the world expressed solidarity with Beirut after the explosion."),
    ("en", "Activists called for protests in Baghdad against the killing of demonstrators."),
    (
        "en",
        "The State Department advised Americans not to travel to "
        "Mosul because of the risk of kidnapping.",
    ),
    ("en", "The embassy urged its citizens in Beirut to avoid areas where clashes could erupt."),
    # fa
    ("fa", "مراسم سالگرد شهدای حادثه تروریستی شاهچراغ روز جمعه در شیراز برگزار شد."),
    ("fa", "یادواره شهدای انفجار کرمان با حضور خانواده\u200cها برگزار می\u200cشود."),
    ("fa", "مردم زاهدان یاد قربانیان جمعه خونین را گرامی داشتند."),
    ("fa", "بزرگداشت شهدای ترور در تهران با حضور مسئولان برگزار شد."),
    ("fa", "دادگاه انقلاب تهران سه متهم حمله به حرم را به اعدام محکوم کرد."),
    ("fa", "متهم ردیف اول پرونده انفجار بندرعباس در دادگاه حاضر شد."),
    ("fa", "حکم قصاص عامل قتل مأمور پلیس در اهواز تایید شد."),
    ("fa", "قوه قضاییه اعلام کرد رای پرونده ترور دانشمند هسته\u200cای صادر شده است."),
    (
        "fa",
        "گزارش سالانه نشان می\u200cدهد که انفجارهای کنار جاده\u200cای در افغانستان کاهش یافته است.",
    ),
    (
        "fa",
        "این نهاد حقوق بشری در گزارش خود از ۳۰ مورد آدم\u200cربایی در سیستان و بلوچستان خبر داد.",
    ),
    ("fa", "به گفته پزشکی قانونی، تعداد قربانیان تیراندازی در شش ماه نخست امسال افزایش یافته است."),
    (
        "fa",
        "فرمانده سپاه هشدار داد که هرگونه حمله به خاک ایران با پاسخ قاطع روبه\u200cرو می\u200cشود.",
    ),
    ("fa", "داعش در پیامی تهدید کرد که به زائران در کربلا حمله می\u200cکند."),
    ("fa", "پلیس از شهروندان خواست در صورت مشاهده بسته مشکوک فورا اطلاع دهند."),
    ("fa", "مقام\u200cهای امنیتی نسبت به احتمال انفجار در مراسم عاشورا هشدار دادند."),
    ("fa", "وزیر کشور گفت امنیت مرزهای شرقی کشور به طور کامل برقرار است."),
    ("fa", "استاندار سیستان و بلوچستان از طرح جدید برای مقابله با قاچاق سلاح خبر داد."),
    ("fa", "رئیس پلیس تهران بر لزوم برخورد با اراذل و اوباش تاکید کرد."),
    ("fa", "نیروهای امدادی در مشهد یک انفجار فرضی را شبیه\u200cسازی کردند."),
    ("fa", "تمرین مقابله با گروگان\u200cگیری در فرودگاه امام خمینی انجام شد."),
    ("fa", "طوفان شن شهرهای سیستان را درنوردید و مدارس تعطیل شد."),
    ("fa", "سیل در روستاهای اطراف شیراز خسارت زیادی به بار آورد."),
    ("fa", "قیمت دلار در بازار تهران دوباره جهش کرد و شوک تازه\u200cای به بازار وارد شد."),
    ("fa", "بمباران تبلیغاتی شبکه\u200cهای ماهواره\u200cای علیه ایران ادامه دارد."),
    ("fa", "پرسپولیس در دربی تهران به استقلال حمله کرد اما نتوانست گل بزند."),
    ("fa", "شلیک دیدنی مهاجم تراکتور در تبریز به تیر دروازه خورد."),
    ("fa", "درگیری لفظی بازیکنان دو تیم پس از سوت پایان ادامه داشت."),
    ("fa", "فیلم تازه این کارگردان روایتی از بمباران شهرها در جنگ تحمیلی است."),
    ("fa", "کتاب خاطرات یک رزمنده از محاصره آبادان رونمایی شد."),
    ("fa", "سخنگوی پلیس خبر تیراندازی در مقابل دانشگاه تهران را شایعه خواند."),
    ("fa", "فرماندار خبر آدم\u200cربایی در زاهدان را نادرست دانست."),
    ("fa", "صدای مهیب در اصفهان ناشی از انفجار نبود و مربوط به شکستن دیوار صوتی بود."),
    ("fa", "مذاکرات برای توقف درگیری\u200cها در غزه در قاهره ادامه دارد."),
    ("fa", "طرفین درگیری در سوریه بر سر تبادل اسرا به توافق رسیدند."),
    ("fa", "سخنگوی وزارت خارجه حمله تروریستی در کابل را محکوم کرد."),
    ("fa", "رئیس جمهور در پیامی انفجار بیروت را تسلیت گفت."),
    ("fa", "نمایندگان مجلس ترور این فرمانده را جنایتی آشکار خواندند."),
    ("fa", "فعالان مدنی برای اعتراض به اعدام\u200cها در تهران فراخوان دادند."),
    ("fa", "وزارت خارجه به شهروندان ایرانی توصیه کرد از سفر به عراق خودداری کنند."),
    ("fa", "سفارت از اتباع خود در بیروت خواست به دلیل خطر درگیری از تردد غیرضروری پرهیز کنند."),
    ("fa", "انفجار جمعیت در کلان\u200cشهرها یکی از چالش\u200cهای اصلی مدیریت شهری است."),
    # ar
    ("ar", "أحيا اللبنانيون في بيروت الذكرى الخامسة لانفجار مرفأ بيروت."),
    ("ar", "نظمت عائلات الضحايا وقفة في بغداد لإحياء ذكرى تفجير الكرادة."),
    ("ar", "أقيم حفل تأبين في الموصل لضحايا التفجيرات الإرهابية."),
    ("ar", "تمر اليوم الذكرى العاشرة لمجزرة سبايكر."),
    (
        "ar",
        "أصدرت المحكمة الجنائية المركزية في بغداد حكما بالإعدام "
        "على إرهابي أدين بتفجير سيارة مفخخة.",
    ),
    ("ar", "قضت محكمة الجنايات في القاهرة بالسجن المؤبد على عشرة متهمين في قضية تفجير الكنيسة."),
    ("ar", "أجلت محكمة الاستئناف النظر في الطعون المقدمة من المدانين بالهجوم على الفندق."),
    ("ar", "مثل المتهم بقتل الضابط أمام القاضي في جلسة علنية."),
    ("ar", "وثق المرصد السوري مقتل 150 مدنيا جراء القصف في سوريا الشهر الماضي."),
    (
        "ar",
        "ارتفع عدد ضحايا الاغتيالات في البصرة منذ مطلع العام إلى 40 شخصا بحسب مفوضية حقوق الإنسان.",
    ),
    ("ar", "رصدت الشبكة السورية لحقوق الإنسان 200 حالة اعتقال تعسفي في أكتوبر."),
    ("ar", "حذر وزير الدفاع من أن أي اعتداء على الحدود سيقابل برد حازم."),
    ("ar", "توعد التنظيم بشن هجمات جديدة على القوات الأمنية في كركوك."),
    ("ar", "أعربت الأمم المتحدة عن قلقها من تصعيد محتمل في طرابلس."),
    ("ar", "دعت السلطات المواطنين إلى الإبلاغ عن أي جسم مشبوه."),
    ("ar", "أكد وزير الداخلية أن الوضع الأمني في بغداد مستقر تماما."),
    ("ar", "أعلن محافظ نينوى عن خطة أمنية جديدة لحماية الأسواق من التفجيرات."),
    ("ar", "بحث قائد الشرطة مع وجهاء العشائر سبل الحد من النزاعات المسلحة."),
    ("ar", "نفذت فرق الدفاع المدني في دمشق محاكاة لانفجار في مبنى حكومي."),
    ("ar", "أجرى الجيش اللبناني تمرينا على تحرير رهائن في بيروت."),
    ("ar", "ضربت عاصفة رملية قوية مدينة البصرة وأدت إلى إغلاق المطار."),
    ("ar", "اجتاحت السيول قرى ريف حلب بعد أمطار غزيرة."),
    ("ar", "انفجرت أسعار الخضار في دمشق بعد ارتفاع سعر الدولار."),
    ("ar", "تلقت الليرة اللبنانية ضربة جديدة في بيروت مع تراجع الاحتياطي."),
    ("ar", "اشتبك لاعبو الفريقين في نهاية المباراة في بغداد."),
    ("ar", "سدد المهاجم كرة قوية ارتطمت بالقائم في ملعب جدة."),
    ("ar", "هاجم الزوراء بقوة في الشوط الثاني دون أن يتمكن من التعادل."),
    ("ar", "يروي الفيلم الوثائقي قصة حصار حلب وما رافقه من قصف."),
    ("ar", "صدرت رواية جديدة تتناول التفجيرات التي شهدتها بغداد."),
    ("ar", "نفت قيادة عمليات بغداد الأنباء عن وقوع انفجار في منطقة المنصور."),
    ("ar", "أكدت الشرطة أن ما تم تداوله عن عملية خطف في البصرة مجرد إشاعة."),
    ("ar", "قالت وزارة الدفاع إن الصوت الذي سمع في دمشق ناجم عن تفجير ذخائر قديمة تحت السيطرة."),
    ("ar", "تتواصل المفاوضات في الدوحة لوقف الحرب في غزة."),
    ("ar", "اتفق الطرفان على وقف الأعمال القتالية في طرابلس وتبادل الأسرى."),
    ("ar", "أدانت وزارة الخارجية الهجوم الإرهابي في كابل وقدمت التعازي لأسر الضحايا."),
    ("ar", "استنكر الأزهر الشريف التفجير الذي استهدف المصلين."),
    ("ar", "ندد مجلس الأمن بالهجوم على قوات حفظ السلام في جنوب لبنان."),
    ("ar", "دعا ناشطون إلى التظاهر في بغداد احتجاجا على اغتيال الناشطين."),
    ("ar", "نصحت السفارة الأمريكية رعاياها بعدم السفر إلى الموصل بسبب خطر الاختطاف."),
    ("ar", "طالبت السفارة مواطنيها في بيروت بتجنب المناطق التي قد تشهد اشتباكات."),
    ("ar", "حذرت الأرصاد الجوية من عاصفة قوية تضرب دمشق غدا."),
    # denials, fears, sport, weapons tests, fiction, threats, refuted clips, tallies,
    # memorials (written for the cues added after a probe of fresh documents)
    ("en", "Officials in Kirkuk rejected reports of an explosion near the oil field."),
    ("en", "Shopkeepers in Basra fear fresh clashes between the two tribes."),
    ("en", "Iraq lost to Qatar in a penalty shootout in Basra on Friday."),
    ("en", "A Syrian shooter took a bronze medal at the championships in Doha."),
    ("en", "Iran's navy said it test-fired a cruise missile off Bandar Abbas on Sunday."),
    ("fa", "هیچ خمپاره‌ای به شهرک‌های اطراف کرکوک اصابت نکرده است."),
    ("fa", "سریال تازه‌ای درباره یک بمب‌گذاری در کابل از امشب پخش می‌شود."),
    ("ar", "لوّح محتجون بإغلاق الطريق بين الناصرية والبصرة إذا لم تلب مطالبهم."),
    ("ar", "فنّدت الشرطة مقطعاً يزعم وقوع اشتباك مسلح في الزرقاء."),
    ("ar", "سجلت الشبكة 30 حالة اعتقال في درعا خلال الأشهر الثلاثة الماضية."),
    ("ar", "وقف أهالي ضحايا تفجير الكرادة دقيقة صمت أمام النصب في بغداد."),
    # topics that name weapons and attacks: the arms trade, sanctions, fiction, history,
    # animals, metaphors, accidents with a stated cause
    ("en", "A drone manufacturer in Ankara doubled its production of attack drones this year."),
    ("en", "The novel's sequel follows a sniper through the siege of Aleppo."),
    ("en", "Wolves attacked a flock near Erbil overnight, villagers said."),
    ("en", "A transformer exploded in Karachi, cutting power to several streets."),
    ("en", "Police in Peshawar warned that celebratory aerial firing is a crime."),
    ("fa", "نمایشگاه صنایع دفاعی در تهران با رونمایی از چند پهپاد تازه آغاز شد."),
    ("fa", "این کتاب روایت بمباران خرمشهر در سال‌های جنگ است."),
    ("fa", "انفجار یک ترانسفورماتور در اهواز برق چند محله را قطع کرد."),
    ("ar", "افتتحت شركة تركية خط إنتاج جديدا للطائرات المسيرة قرب أنقرة."),
    ("ar", "واصل الدولار صعوده الصاروخي في أسواق بيروت."),
    ("ar", "وقع الطرفان في الدوحة اتفاقا ينص على وقف دائم لإطلاق النار في دارفور."),
    ("ar", "يرى محللون أن إسرائيل قد توسع غاراتها على جنوب لبنان إذا فشلت المفاوضات."),
]

#: The same vocabulary around an event that did happen: these must still be reported.
STATED = [
    (
        "en",
        "explosion",
        "A bomb exploded in Beirut on Monday during a rally marking the "
        "anniversary of the port blast, killing two people.",
    ),
    ("en", "shooting", "Gunmen opened fire on mourners at a memorial in Peshawar, wounding five."),
    (
        "en",
        "suicide_bombing",
        "A suicide bomber blew himself up outside the court in Kabul where the "
        "trial of militants was under way, killing 7 people.",
    ),
    (
        "en",
        "airstrike",
        "An airstrike hit a market in Idlib on Sunday, killing 12 civilians, a monitor said.",
    ),
    ("en", "arrest", "Police arrested three men in Baghdad on Tuesday over the market bombing."),
    (
        "en",
        "armed_clash",
        "Clashes broke out in Tripoli on Saturday despite the truce, leaving four dead.",
    ),
    (
        "en",
        "security_deployment",
        "Security forces were deployed across Karachi on Friday after the threat.",
    ),
    (
        "en",
        "shelling",
        "Mortar shells fell on a football stadium in Mogadishu, killing three spectators.",
    ),
    (
        "en",
        "shooting",
        "Gunmen killed four policemen at a checkpoint in Quetta on "
        "Monday, an attack the prime minister condemned.",
    ),
    (
        "fa",
        "explosion",
        "در جریان مراسم سالگرد شهدا در کرمان روز دوشنبه یک بمب منفجر شد و ۴ نفر کشته شدند.",
    ),
    (
        "fa",
        "shooting",
        "افراد مسلح روز جمعه در زاهدان به سوی نمازگزاران تیراندازی کردند و ۳ نفر زخمی شدند.",
    ),
    ("fa", "arrest", "پلیس روز سه\u200cشنبه دو متهم حمله به حرم را در شیراز بازداشت کرد."),
    ("fa", "airstrike", "حمله هوایی به حلب روز یکشنبه دست\u200cکم ۸ کشته برجای گذاشت."),
    (
        "fa",
        "armed_clash",
        "درگیری مسلحانه میان نیروهای امنیتی و افراد مسلح در سراوان روز چهارشنبه ۲ کشته داشت.",
    ),
    ("fa", "explosion", "یک خودروی بمب\u200cگذاری\u200cشده روز شنبه در کابل منفجر شد."),
    ("fa", "security_deployment", "نیروهای امنیتی پس از تهدید داعش در کربلا مستقر شدند."),
    (
        "fa",
        "shooting",
        "افراد مسلح روز دوشنبه در زاهدان دو مأمور پلیس را به ضرب "
        "گلوله کشتند؛ استاندار این حمله را محکوم کرد.",
    ),
    (
        "ar",
        "explosion",
        "انفجرت عبوة ناسفة في بغداد يوم الاثنين خلال إحياء ذكرى "
        "تفجير الكرادة ما أدى إلى مقتل شخصين.",
    ),
    (
        "ar",
        "shooting",
        "أطلق مسلحون النار على المشاركين في وقفة تأبينية في البصرة فأصابوا خمسة أشخاص.",
    ),
    ("ar", "arrest", "اعتقلت القوات الأمنية في الموصل يوم الثلاثاء ثلاثة متهمين بتفجير السوق."),
    ("ar", "airstrike", "شنت طائرات حربية غارات على إدلب يوم الأحد أسفرت عن مقتل 9 مدنيين."),
    (
        "ar",
        "armed_clash",
        "اندلعت اشتباكات عنيفة في طرابلس يوم السبت رغم الهدنة وأسفرت عن مقتل أربعة.",
    ),
    ("ar", "shelling", "سقطت قذائف هاون على ملعب في مقديشو ما أدى إلى مقتل ثلاثة متفرجين."),
    (
        "ar",
        "security_deployment",
        "انتشرت قوات الأمن في شوارع كركوك يوم الجمعة بعد تهديدات التنظيم.",
    ),
    (
        "ar",
        "armed_clash",
        "قتل ثلاثة جنود في هجوم مسلح على حاجز في درعا يوم الاثنين، وأدانت الحكومة الهجوم.",
    ),
    ("en", "explosion", "just saw it: a blast hit a market in Mosul 20 minutes ago, many hurt."),
    ("en", "shooting", "Gunmen shot dead two guards at a drone factory in Mosul on Monday."),
    (
        "ar",
        "kidnapping",
        "اختطف مسلحون مهندسين يعملان في شركة نفطية قرب البصرة يوم الأحد.",
    ),
    (
        "en",
        "arrest",
        "Police arrested three men in Mosul on Monday in connection with last week's bombing.",
    ),
]


def _extract(extractor: Extractor, lang: str, text: str) -> tuple[str, ...]:
    doc = Document(
        key="k",
        kind=DocumentKind.ARTICLE,
        text=text,
        source="test",
        lang=lang,
        published=PUBLISHED,
    )
    return tuple(e.type.value for e in extractor.extract(doc).events)


@pytest.mark.parametrize(("lang", "text"), UNSTATED)
def test_no_event_in_news_style(rules_only: Extractor, lang: str, text: str) -> None:
    assert _extract(rules_only, lang, text) == ()


@pytest.mark.parametrize(("lang", "kind", "text"), STATED)
def test_event_next_to_the_same_cues(
    rules_only: Extractor, lang: str, kind: str, text: str
) -> None:
    assert kind in _extract(rules_only, lang, text)


def test_a_place_near_another_is_where_it_happened(rules_only: Extractor) -> None:
    # "من" after "القريبة" (near) says where, not whence.
    text = "انتشرت قوات الأمن في الأحياء القريبة من الرمادي يوم الأحد."
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", lang="ar", published=PUBLISHED
    )
    events = rules_only.extract(doc).events
    assert [(e.type.value, e.place.name if e.place else None) for e in events] == [
        ("security_deployment", "Ramadi")
    ]


def test_a_year_with_a_full_stop_ends_its_sentence(rules_only: Extractor) -> None:
    # "عام 2017." is history, and the full stop glued to the year still ends the sentence.
    text = (
        "أعيد افتتاح الجسر في الرقة بعد أن دمر خلال معارك عام 2017. "
        "وقتل شخصان في انفجار عبوة ناسفة في الرقة صباح اليوم."
    )
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", lang="ar", published=PUBLISHED
    )
    events = rules_only.extract(doc).events
    assert [(e.type.value, e.killed) for e in events] == [("explosion", 2)]

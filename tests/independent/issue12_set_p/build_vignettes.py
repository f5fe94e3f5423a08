# Author P, 2026-12-02. Builds vignettes.json for issue 12 ("reading the whole message").
import json, os

V = []
def v(id_, messages, triage, causes, note):
    V.append({"id": "p12-" + id_, "messages": messages, "triage": triage,
              "causes_top3_any": causes, "note": note})

EM, SO, RO, RE = "emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"
GI, HI, MET, PLC, CLD, DR, BDS, HY, CY, RM = ("granulomatous_infection", "healed_infection",
    "hepatic_metastases", "primary_liver_cancer", "chronic_liver_disease", "drug_related",
    "bile_duct_stones", "hydatid_cyst", "cystic_lesion", "rare_metabolic")

# ======================= EMERGENCY =======================
v("em-faint-in-question",
  ["hi my ultrasound showed a couple of calcifications in the liver",
   "nothing else really. oh I did faint in the shower this morning, is that related?"],
  EM, [], "emergency: fainting today (NHS 999 list: fainted, even if came round); said late and inside a question")
v("em-typing-for-father-confused",
  ["Writing for my father (79). His CT showed coarse calcification in the liver.",
   "He's been very drowsy and muddled since yesterday, not himself at all"],
  EM, [], "emergency: new confusion/drowsiness in the patient; the user types for him, so it is the patient's sign, not family history")
v("em-black-stools-late-question",
  ["CT says punctate calcs in liver", "no", "no",
   "my poo has been black like tar for 2 days, is that something to do with the liver thing?"],
  EM, [], "emergency: black tarry stools now; said after two 'no' answers and inside a question")
v("em-tb-granuloma-then-vomit",
  ["my MRI showed a calcified granuloma, I had TB as a child",
   "I threw up blood this morning, quite a lot of it"],
  EM, [], "emergency: vomiting blood; the benign-looking granuloma with past TB must not pull the level down")
v("em-sudden-pain-stable",
  ["Sudden terrible pain in my upper belly, worst ever, started an hour ago. I have liver calcification on my last CT, stable since 2020."],
  EM, [], "emergency: sudden severe abdominal pain (NHS); 'stable' calcification does not lower it")
v("em-wife-says-confused",
  ["my wife says I'm confused and keep repeating myself today. I had a scan last week that showed calcium in my liver"],
  EM, [], "emergency: the user's own new confusion reported by his wife (own sign, not family)")
v("em-triad-one-message",
  ["The ultrasound showed a calcification in the liver",
   "I've had a high temperature since last night, pain under my right ribs and my eyes have gone yellow"],
  EM, [], "emergency: fever + right upper pain + jaundice together (possible cholangitis, all three = emergency)")
v("em-paste-benign-then-collapse",
  ["Sorry long message. CT report says: 'Scattered punctate calcifications, likely granulomatous. No focal mass.' The doctor said nothing to worry about. But this afternoon I felt faint and collapsed on the kitchen floor for a few seconds"],
  EM, [], "emergency: collapse today; the reassuring pasted report and 'no focal mass' negation must not outweigh it")
v("em-cirrhosis-coffee-grounds",
  ["I have cirrhosis and the CT shows a calcification in the liver",
   "vomited coffee ground stuff twice tonight"],
  EM, [CLD], "emergency: coffee-ground vomit = vomiting blood (NHS); known cirrhosis makes chronic liver disease the leading cause")
v("em-typing-for-mum-fainted",
  ["mum's 84 and I'm typing for her. scan said calcified granuloma. She fainted at lunch and came round after a minute"],
  EM, [], "emergency: the patient fainted today, even though she came round (NHS 999 list); typed by a relative for the patient")
v("em-black-stools-after-nos",
  ["had a CT in march, small calcifications in the liver", "no", "no", "no",
   "sorry I forgot to say, I've been passing black stools since Sunday"],
  EM, [], "emergency: current black stools, added after three negative answers")
v("em-triad-across-messages",
  ["ct: 4mm calcific focus in liver", "yes, a fever",
   "and my tummy really hurts on the right", "and i'm yellow, my husband noticed"],
  EM, [], "emergency: fever, right-sided pain and jaundice given one per message; jaundice is the user's own, reported by her husband")
v("em-nonnative-vomit-blood",
  ["Hello, the echography find calcification in my liver. Today I vomit with blood, I am afraid. What I do?"],
  EM, [], "emergency: vomiting blood today, non-native wording, 'echography' = ultrasound")
v("em-textspeak-drowsy",
  ["ma ct sed calcs in liver nt worried bout that",
   "bt ive bin really drowsy n confused 2day cant think straight"],
  EM, [], "emergency: new drowsiness and confusion today, text-speak")
v("em-correction-black",
  ["the ultrasound showed calcification in my liver",
   "also my poo has been dark",
   "sorry, I checked again, it's actually black and sticky like tar"],
  EM, [], "emergency: the correction turns 'dark' into black sticky stools (NHS: black, sticky poo)")
v("em-said-no-earlier-now-yes",
  ["the doctor asked if I'd vomited blood and I said no at the time, the scan showed liver calcification",
   "but it happened this morning, a lot of bright red blood"],
  EM, [], "emergency: vomiting blood this morning; the earlier reported 'no' is superseded")
v("em-pass-out-question",
  ["CT showed calcifications in the liver, probably old TB they said",
   "is it normal to pass out when standing up? happened twice today"],
  EM, [], "emergency: fainted twice today, stated inside a question")
v("em-severe-pain-paracetamol",
  ["Sudden severe stomach pain, can barely stand. I have a calcified granuloma in my liver from old scans, should I just take paracetamol?"],
  EM, [], "emergency: sudden severe abdominal pain; the question about paracetamol must not hide it")
v("em-elderly-letter-husband",
  ["Dear Sir, My husband, aged 88, had a scan which showed calcification of the liver. This evening he has become very confused and does not know where he is. I should be grateful for your advice."],
  EM, [], "emergency: acute confusion in the patient; wife writes for him in a formal letter")
v("em-brother-says-nonsense",
  ["i had liver calcs on ct", "no",
   "my brother says i was talking nonsense last night and i'm still v sleepy"],
  EM, [], "emergency: the user's own confusion/drowsiness reported by a relative")
v("em-paste-denies-then-now",
  ["Impression: stable punctate hepatic calcifications. Patient denies melaena.",
   "that was in june. since yesterday I do have black tarry stools though"],
  EM, [], "emergency: black tarry stools now; the pasted 'denies melaena' is from June")
v("em-multi-question-vomit",
  ["what causes liver calcification and what tests do I need and also is it ok that I've been vomiting blood since this morning"],
  EM, [], "emergency: vomiting blood hidden at the end of a multi-question message")
v("em-triad-fever-pain-jaundice-elderly",
  ["Good afternoon. I am 72. The ultrasound shows calcification and a stone in the bile duct. Since yesterday I have a temperature of 39, pain under the right ribs and the whites of my eyes are yellow."],
  EM, [BDS], "emergency: fever + right upper pain + jaundice with a bile duct stone (cholangitis picture)")

# ======================= SEE CLINICIAN SOON =======================
v("so-jaundice-no-fever",
  ["ultrasound found a 9mm calcification in my liver",
   "my eyes have been yellow for a few days, no fever, no pain"],
  SO, [], "soon: new jaundice without fever or pain (NHS urgent advice); not the triad, so not emergency")
v("so-sizes-growing",
  ["ct 2022: 5 mm calcified focus. ct this month: 11 mm", "no symptoms"],
  SO, [], "soon: growth shown only by two sizes and dates (growing lesion = prompt review)")
v("so-paste-interval-enlargement",
  ["Impression: Interval enlargement of the calcified lesion in segment 8 (now 1.6 cm, previously 0.9 cm). Recommend MRI."],
  SO, [], "soon: radiology 'interval enlargement' = growing")
v("so-colon-new-not-2023",
  ["I had bowel cancer in 2020, treated with surgery and chemo. my follow-up CT shows calcifications in the liver that weren't there in 2023"],
  SO, [MET], "soon: known colorectal cancer with new calcifications (colorectal metastases calcify in 10-27 %)")
v("so-breast-new",
  ["breast cancer 2017. new scan found punctate calcs in liver, they weren't on last year's scan"],
  SO, [MET], "soon: known cancer, calcifications new since last year")
v("so-calcified-mass",
  ["CT shows a partly calcified mass in the liver, 4 cm", "no cancer history"],
  SO, [PLC, MET], "soon: a mass (prompt review); calcifying primary tumours or metastases must be on the list")
v("so-weight-loss-stone",
  ["scan showed calcified spots in my liver",
   "I've lost a stone and a half since June without trying"],
  SO, [], "soon: unintentional weight loss ('stone' is a weight unit here)")
v("so-swollen-belly",
  ["my belly has swollen up over the last month and the ultrasound showed liver calcifications"],
  SO, [], "soon: swollen abdomen (prompt review)")
v("so-fever-pain-no-jaundice",
  ["fever since tuesday and an ache under my right ribs. ultrasound last year showed a calcification in the liver"],
  SO, [], "soon: fever with right upper pain is enough to act on; without jaundice not the triad")
v("so-husband-says-yellowish",
  ["ct showed calcification, stable", "no", "no",
   "well not yellow exactly but my husband says the whites of my eyes look yellowish"],
  SO, [], "soon: yellow sclerae = jaundice, the user's own sign reported by her husband, said hesitantly after 'no's")
v("so-correction-increased",
  ["the report says my liver calcification is stable",
   "sorry, I misread, it actually says 'increased in size since prior'"],
  SO, [], "soon: correction from stable to growing")
v("so-typing-for-dad-said-later",
  ["bowel cancer op 2022 then chemo. CT this week: new calcific foci in the liver, not on the 2023 scan",
   "I should say I'm his daughter, typing for my dad"],
  SO, [MET], "soon: the patient (father) has colorectal cancer and new calcifications; that the user types for him is said only later, so this is not family history")
v("so-hydatid-growing",
  ["they think it's a hydatid cyst with rim calcification",
   "it was 3 cm in 2021 and 4.5 cm now"],
  SO, [HY], "soon: growing lesion; calcification does not prove an echinococcal cyst inactive")
v("so-new-no-cancer",
  ["MRI shows a new calcification in the liver that wasn't on my MRI two years ago",
   "no cancer, no other problems"],
  SO, [], "soon: a new lesion needs prompt review per the urgency rules, even without cancer history")
v("so-mass-on-us",
  ["US showed punctate calcification. there's also a 2cm mass, they want a CT"],
  SO, [], "soon: a mass")
v("so-multi-weight-loss-request",
  ["hi, my ct showed calcifications, what causes them? Also I've been losing weight, like 6kg in 2 months, not trying. Can I talk to a doctor?"],
  SO, [], "soon: unintentional weight loss inside a message that also asks about causes and asks for a doctor")
v("so-family-loud-own-jaundice",
  ["my dad had liver cancer so I'm terrified. My ultrasound shows calcification and I've turned yellow this week"],
  SO, [], "soon: own new jaundice; father's cancer is family history only")
v("so-nonnative-grow",
  ["Sorry for my english. CT show calcification in liver, before 6 mm now 10 mm. Is grow?"],
  SO, [], "soon: growth from 6 to 10 mm, non-native wording")
v("so-elderly-carcinoma-colon",
  ["Dear Sir, I was operated upon for carcinoma of the colon in 2019. The most recent CT scan reports 'new punctate hepatic calcifications'. I have no symptoms whatsoever."],
  SO, [MET], "soon: personal colorectal cancer with new calcifications, formal letter")
v("so-textspeak-temp-pain",
  ["got a temp n pain on my right side under ribs since yday",
   "ultrasound last month said liver calcification"],
  SO, [], "soon: fever with right-sided pain, text-speak, no jaundice")
v("so-weight-loss-in-question",
  ["my CT showed calcium deposits in the liver. Could that be why I've lost 10 kilos this year without dieting?"],
  SO, [], "soon: unintentional weight loss stated inside a cause question")
v("so-paste-soft-tissue",
  ["Impression: calcified hepatic lesion with an associated soft-tissue component, ill-defined margins. MRI recommended."],
  SO, [MET, PLC], "soon: soft-tissue component and ill-defined margins raise concern (ACR); malignant causes belong in the top three")
v("so-dates-growing-cm",
  ["The calcification measured 0.7 cm in January 2023 and 1.3 cm in October 2024."],
  SO, [], "soon: growth shown by two dated measurements")
v("so-asking-for-mum-yellow",
  ["I'm asking for my mum. Her ultrasound showed a calcified granuloma. Her skin has gone yellow since the weekend, no pain, no temperature"],
  SO, [], "soon: the patient's new jaundice, typed by her child; no fever or pain so not the triad")
v("so-no-then-actually-weight",
  ["my scan said calcification in liver", "no",
   "actually yes, I have lost weight, about a stone, wasn't trying"],
  SO, [], "soon: unintentional weight loss given as a correction of a short answer")
v("so-fever-pain-jaundice-past",
  ["temperature 38.5 and pain under my right ribs since this morning. I had jaundice as a newborn if that matters. CT last year: calcification in the liver"],
  SO, [], "soon: fever with pain now; the jaundice was at birth, long past, so the triad is not complete")
v("so-cyst-new-rim",
  ["ultrasound: new cyst with rim calcification, not seen on the 2021 scan", "no history of travel or hydatid, no cancer"],
  SO, [CY, HY], "soon: a new lesion; cause a calcified-wall cyst (parasitic not excluded)")

# ======================= ROUTINE =======================
v("ro-mtx-psoriasis",
  ["I take methotrexate for psoriasis and the CT shows a few small calcifications in the liver", "nothing else"],
  RO, [DR], "routine: methotrexate use without red flags")
v("ro-amiodarone-af",
  ["amiodarone 200mg daily for AF. ultrasound: scattered calcs in liver", "no"],
  RO, [DR], "routine: amiodarone use without red flags")
v("ro-mtx-family-cancer",
  ["on mtx 10 yrs for RA, liver ultrasound showed punctate calcifications. my mum had breast cancer"],
  RO, [DR], "routine: methotrexate; mother's cancer is family history and does not escalate")
v("ro-pbc-usual-itch",
  ["I have PBC and my MRI showed some calcification in the liver",
   "no symptoms apart from the usual itch I've had for years"],
  RO, [RM], "routine: known primary biliary cholangitis (high-risk group, rare metabolic cause); long-standing itch is part of it, no red flags")
v("ro-haemochromatosis",
  ["haemochromatosis diagnosed 2016, I have venesections. CT found calcifications in my liver", "no"],
  RO, [RM], "routine: known hemochromatosis, no red flags")
v("ro-hepb-monitoring",
  ["I've had hepatitis B since childhood, seen by the liver clinic every 6 months. Ultrasound found a small calcification, the same as on the one before"],
  RO, [CLD], "routine: chronic hepatitis (high-risk group) with a calcification that has not changed; not reassurance because of the risk group, not soon because nothing is new or growing")
v("ro-cirrhosis-stable",
  ["I have cirrhosis, under the hepatologist. My surveillance ultrasound shows a calcification that's unchanged since last year", "no new symptoms"],
  RO, [CLD], "routine: cirrhosis with a calcification unchanged for a year; no red flags")
v("ro-elderly-amiodarone-grandfather",
  ["Dear Sir, I am prescribed amiodarone for an irregular heartbeat. A recent computed tomography scan of my abdomen showed small calcifications in the liver. My grandfather died of cirrhosis. I have no other complaints."],
  RO, [DR], "routine: amiodarone; grandfather's cirrhosis is family history")
v("ro-no-cancer-but-mtx",
  ["ultrasound shows calcification in my liver", "no",
   "no cancer. but I'm on methotrexate for crohn's"],
  RO, [DR], "routine: a 'no' answer carrying an extra fact (methotrexate)")
v("ro-amiodarone-stopped",
  ["I was on amiodarone for 3 years until last spring. CT now shows calcifications in the liver"],
  RO, [DR], "routine: recent past amiodarone use still counts as a drug cause")
v("ro-nonnative-metotrexat",
  ["I am taking metotrexat for arthritis. Ultrasound show small calcification. No pain, no fever."],
  RO, [DR], "routine: methotrexate (misspelled), pain and fever denied")
v("ro-mtx-said-no-to-both",
  ["on methotrexate, CT showed calcs in the liver",
   "the doctor asked about black stools and vomiting blood and I said no to both"],
  RO, [DR], "routine: red flags appear only as reported denials")
v("ro-amiodarone-hypothetical-vomit",
  ["amiodarone user here, ultrasound found liver calcifications. what if I start being sick with blood, would that be from this?"],
  RO, [DR], "routine: vomiting blood is hypothetical ('what if'), not current")
v("ro-pbc-old-name",
  ["I've got primary biliary cirrhosis, they call it cholangitis now. CT: a couple of calcifications in the liver", "no"],
  RO, [RM], "routine: PBC under its old name; the word 'cirrhosis' here names PBC")
v("ro-hemochromatosis-single-stable",
  ["I have hemochromatosis", "the MRI showed a single calcification, unchanged since 2022", "no"],
  RO, [RM], "routine: hemochromatosis (high-risk group), stable calcification, no red flags")
v("ro-fragments-mtx",
  ["methotrexate", "for RA", "it was a ct", "small calcs in liver"],
  RO, [DR], "routine: methotrexate, given in fragments before the finding")
v("ro-typing-for-dad-amiodarone",
  ["Typing for my dad, he's 70. He is on amiodarone. His CT showed liver calcifications. He's fine in himself."],
  RO, [DR], "routine: the patient's amiodarone; relative types for him")
v("ro-friend-black-stools-mtx",
  ["my friend ended up in A&E with black stools last week which freaked me out. I'm on methotrexate and my ultrasound showed calcification", "no, nothing like that for me"],
  RO, [DR], "routine: the black stools are a friend's; the user's own picture is methotrexate without red flags")

# ======================= REASSURANCE =======================
v("re-granuloma-tb",
  ["CT: small calcified granuloma in the liver. had TB in 1985"],
  RE, [GI], "reassurance: calcified granuloma with past TB, no red flags")
v("re-dad-vomited-blood",
  ["My dad vomited blood before he died of cirrhosis, that's why I panic. My ultrasound just shows one tiny calcification.", "no"],
  RE, [GI], "reassurance: the vomiting blood and cirrhosis are the father's (family)")
v("re-hypothetical-black-stools",
  ["what if I get black stools? would I need A&E?",
   "my CT showed a calcified granuloma, I'm fine otherwise"],
  RE, [GI], "reassurance: black stools only hypothetical")
v("re-paste-sequelae",
  ["IMPRESSION: 1. Scattered punctate hepatic calcifications, likely sequelae of prior granulomatous disease. 2. No focal liver mass. Patient denies fever or weight loss."],
  RE, [GI], "reassurance: pasted impression of old granulomatous disease; mass, fever, weight loss all denied")
v("re-childhood-hep-a-jaundice",
  ["I had jaundice as a kid with hepatitis A, all fine since. ultrasound found a small calcification", "no"],
  RE, [GI, HI], "reassurance: jaundice long past and resolved; hepatitis A is acute, not chronic hepatitis")
v("re-ulcer-black-stools-past",
  ["had black stools 6 yrs ago from a stomach ulcer, fixed with tablets. now CT shows punctate calcification in the liver unchanged from 2021"],
  RE, [GI], "reassurance: black stools long past and treated; calcification stable")
v("re-friend-liver-cancer",
  ["my friend at work has liver cancer and it scared me. my own CT showed a couple of tiny calcifications, doc said incidental", "no"],
  RE, [GI], "reassurance: the cancer is a friend's, not the user's or family's")
v("re-dog-vomiting-blood",
  ["my dog was vomiting blood this morning (he's at the vet now). separately, my own ultrasound said calcified granuloma, I'm well"],
  RE, [GI], "reassurance: the vomiting blood is the dog's")
v("re-ohio-histo",
  ["i grew up in ohio and my ultrasound has a calcified granuloma. my GP said probably histoplasmosis from years ago"],
  RE, [GI], "reassurance: histoplasmosis granuloma (North America), incidental")
v("re-healed-abscess",
  ["had a liver abscess drained in 2014. since then there's a calcification at the same spot, same size on every scan"],
  RE, [HI], "reassurance: remnant of a healed abscess, unchanged on follow-up")
v("re-car-crash-injury",
  ["car accident 2010 tore my liver. CT now shows calcification where the injury was, unchanged since 2015"],
  RE, [HI], "reassurance: healed traumatic injury remnant, unchanged")
v("re-size-pair-equal",
  ["4 mm in 2019, 4 mm now", "it's a calcified granuloma on CT", "no"],
  RE, [GI], "reassurance: equal sizes years apart = stable granuloma")
v("re-slightly-smaller",
  ["the calcification is 5 mm this year and was 6 mm in 2021, radiologist wrote 'stable'", "no"],
  RE, [GI], "reassurance: no growth (slightly smaller, called stable)")
v("re-not-suicidal",
  ["not suicidal or anything, just very anxious. ultrasound showed a tiny calcified granuloma and that's it"],
  RE, [GI], "reassurance: suicidal thoughts explicitly denied; granuloma only")
v("re-weight-loss-on-purpose",
  ["lost 12 kg on purpose with slimming world this year, feel great. the ultrasound they did showed a small calcification in the liver", "no"],
  RE, [GI], "reassurance: the weight loss is intentional, not a red flag")
v("re-doctor-asked-yellow",
  ["the doctor asked if my eyes or skin had gone yellow and I said no. CT showed punctate calcification", "no"],
  RE, [GI], "reassurance: jaundice only as a reported denial")
v("re-many-family-cancers",
  ["mum had breast cancer, grandad bowel cancer, aunt liver cancer. I've never had cancer myself. MRI showed a calcified granuloma"],
  RE, [GI], "reassurance: all cancers are family history; own cancer denied")
v("re-elderly-xray-tb",
  ["Dear Madam, At 86 I had an X-ray of my chest which incidentally showed some calcification over the liver. I had tuberculosis in my youth. I feel perfectly well."],
  RE, [GI], "reassurance: incidental calcification, old TB, well")
v("re-doubtful-significance",
  ["it says: Tiny calcific focus in segment 5, of doubtful clinical significance. No biliary dilatation. No gallstones."],
  RE, [GI], "reassurance: pasted 'of doubtful clinical significance', gallstones denied")
v("re-grandad-tb-sister-hep",
  ["my sister had hepatitis last year and my grandad had TB. I have a calcified granuloma on ultrasound, no symptoms"],
  RE, [GI], "reassurance: hepatitis and TB are relatives' history")
v("re-all-no",
  ["ct showed calcification in my liver", "no", "no", "no", "nothing else"],
  RE, [GI], "reassurance: a calcification with every question answered negatively; granuloma is the commonest cause without cancer history")
v("re-fever-just-wondering",
  ["does fever make calcification worse? I don't have one, just wondering. mine's a single punctate calcification on ultrasound"],
  RE, [GI], "reassurance: fever only in a question and denied")
v("re-fragments-reversed",
  ["stable since 2016", "ultrasound, calcified granuloma", "never had cancer"],
  RE, [GI], "reassurance: facts in reverse order, stable granuloma, cancer denied")
v("re-nonnative-tb-child",
  ["Good day. My CT find one small calcified granuloma in liver. In my country I had TB when child. Now no problem, no fever, no yellow."],
  RE, [GI], "reassurance: old TB, granuloma, fever and jaundice denied")
v("re-textspeak-benign",
  ["lol my sonogram says 'punctate calcification, likely benign granuloma' shud i b scared", "no nothin else"],
  RE, [GI], "reassurance: likely benign granuloma, nothing else")
v("re-colleague-fainted",
  ["a colleague fainted at work and it turned out he had liver problems, now I'm scared about mine. CT said calcified granuloma", "no"],
  RE, [GI], "reassurance: the fainting is a colleague's")
v("re-no-new-no-mass",
  ["Compared with CT of 2020: no new lesions. Punctate calcification in segment 2 unchanged. No focal mass.", "no"],
  RE, [GI], "reassurance: 'no new lesions' and 'no focal mass' are negations, calcification unchanged")
v("re-is-it-cancer-no-hx",
  ["is it cancer? I'm so scared. the ultrasound shows a calcified granuloma, I've never had cancer, no symptoms"],
  RE, [GI], "reassurance: cancer only asked about and denied as history")
v("re-new-gp",
  ["I have a new GP and she sent me for an ultrasound; it showed a tiny calcified granuloma", "no"],
  RE, [GI], "reassurance: 'new' refers to the GP, not the lesion")
v("re-kids-growing",
  ["my kids are growing up fast and I want to be around for them, so I'm worried about this calcification on my CT. Old granuloma, they think. no symptoms"],
  RE, [GI], "reassurance: 'growing' is about the children, not the lesion")
v("re-put-on-a-stone",
  ["put on a stone over christmas haha. anyway ultrasound showed a small calcified granuloma, otherwise well"],
  RE, [GI], "reassurance: 'stone' is weight gained, not a stone or weight loss")
v("re-what-if-bigger",
  ["what happens if it gets bigger?", "it's a 4mm calcification on ultrasound, stable since 2020, no other issues"],
  RE, [GI], "reassurance: growth only hypothetical; stable since 2020")
v("re-mri-correction",
  ["my CT showed a calcified granuloma", "sorry, it was an MRI not a CT", "no"],
  RE, [GI], "reassurance: imaging correction changes nothing clinically")
v("re-past-faint-giving-blood",
  ["I fainted once at 15 giving blood, that's my only drama. Now 40 and a CT found a calcified granuloma in the liver", "no"],
  RE, [GI], "reassurance: the fainting was 25 years ago, not current")
v("re-mum-typing-question-granuloma",
  ["hi, typing for my mum who is 67, she doesn't do computers. her ultrasound showed one small calcified granuloma. she had TB in the Philippines as a girl. she feels fine, no yellow, no weight loss"],
  RE, [GI], "reassurance: the patient's own past TB (relative typing for her), red flags denied")

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vignettes.json")
ids = [x["id"] for x in V]
assert len(ids) == len(set(ids)), "duplicate id"
with open(out, "w") as f:
    json.dump(V, f, indent=1, ensure_ascii=False)
import collections
print(len(V), "vignettes", collections.Counter(x["triage"] for x in V))

"""Vignettes for set H ("reading the whole message"). Written by hand;
this script only serialises them. Run: python3 vignettes.py > ../vignettes.json
"""
import json

R, RT, S, E = "reassurance", "see_clinician_routine", "see_clinician_soon", "emergency"
GI, HI, MET, PLC, CLD, DRUG, BDS, HYD, CYST, META = (
    "granulomatous_infection", "healed_infection", "hepatic_metastases",
    "primary_liver_cancer", "chronic_liver_disease", "drug_related",
    "bile_duct_stones", "hydatid_cyst", "cystic_lesion", "rare_metabolic")

V = []


def v(id_, msgs, triage, causes, note):
    V.append({"id": "h-" + id_, "messages": msgs, "triage": triage,
              "causes_top3_any": causes, "note": note})


# ---------------- whose is it ----------------
v("who-husband-sees-yellow", [
    "hi my ct last month said 'few punctate hepatic calcifications, likely sequela of prior granulomatous disease'",
    "my husband keeps on saying the whites of my eyes have gone yellowish this week. i cant really see it myself but hes insistent",
], S, [GI],
  "soon: new jaundice is the user's own sign even though her husband reports it (NHS: urgent advice); no fever or pain, so not the full triad; radiologist favours old granulomas")

v("who-mum-bled-not-me", [
    "My mum is in hospital after vomiting blood, she has cirrhosis. Now I'm panicking about my own scan",
    "mine was an ultrasound for kidney stones and it mentioned a single 3mm echogenic focus in the liver with shadowing, consistent with a calcified granuloma",
    "I'm 34, no health issues, no symptoms, not on any meds",
], R, [GI],
  "reassurance: the vomiting blood and cirrhosis are the mother's; the user has a small incidental calcified granuloma, no personal risk factors, no red flags")

v("who-typing-for-father-drowsy", [
    "Im writing for my father he is 81 and doesnt use computers. His CT from the 3rd says multiple coarse calcifications in the liver",
    "he has hep C, got it from a blood transfusion in the 80s",
    "today hes very sleepy and muddled, didnt recognise our own street. thats not like him at all",
], E, [CLD],
  "emergency: new confusion/drowsiness in the patient (the father, for whom the user types) with chronic hepatitis C (NHS cirrhosis guidance)")

v("who-wife-methotrexate", [
    "asking on behalf of my wife (shes sat next to me). Her MRI says 'punctate calcification segment VII, unchanged from 2021'",
    "she's been on methotrexate for psoriatic arthritis for about 6 years",
    "no pains, no jaundice, weight steady",
], RT, [DRUG],
  "routine: the patient is the wife; methotrexate is a listed drug cause; stable since 2021 and red flags denied, so raise with her doctor without hurry")

v("who-family-cancers-only", [
    "got an ultrasound for my gallbladder and they saw a tiny calcified granuloma in the liver, 4 mm",
    "my nan on dads side died of liver cancer and mum had breast cancer at 50. ive never had any cancer myself",
    "gallbladder was fine btw",
], R, [GI],
  "reassurance: cancers are the grandmother's and mother's only; a small calcified granuloma in someone without personal cancer or liver disease is most likely old infection")

v("who-neighbour-black-stools", [
    "Hello, I help my neighbour Mrs D. (77) with her post. Her hospital letter says the ultrasound found 'calcific foci in the right lobe of the liver'. She asked me to find out what this means.",
    "She mentioned to me this morning that her stools have been black and sticky since the weekend. She thought it was her iron tablets but she stopped those a month ago.",
], E, [],
  "emergency: black sticky stools in the patient (the neighbour the user types for), not explained by iron she stopped a month ago (NHS: black sticky poo, call 999/ED)")

v("who-colleague-mets", [
    "a colleague at work told me her liver calcification turned out to be bowel cancer that had spread, so now im terrified",
    "mine: CT for appendicitis (they took the appendix out, all fine) incidentally showed 2 punctate calcifications in the liver, both under 5mm",
    "I've never had cancer, no other illnesses. is mine likely the same as hers?",
], R, [GI],
  "reassurance: the metastatic bowel cancer is the colleague's; without a personal cancer history granulomas come first; incidental, small, no red flags")

v("who-dog-and-me", [
    "weird question maybe but my dog had an xray at the vet showing liver calcification and the vet wasnt bothered. now my own CT says the same kind of thing: 'tiny calcified granulomas in the liver'",
    "I grew up in Ohio if that matters. no medical problems, nothing hurts",
], R, [GI],
  "reassurance: the dog's x-ray is the pet's; the user's calcified granulomas with Ohio upbringing fit old histoplasmosis, incidental, no risk factors")

v("who-son-says-passed-out", [
    "My son is making me write this. CT report: 'Scattered punctate hepatic calcifications, likely old granulomatous disease.'",
    "He says I passed out in the kitchen yesterday for a few seconds. I feel fine now and I dont think it matters",
], E, [GI],
  "emergency: the user's own collapse, reported via the son; NHS: fainted or lost consciousness even if they came round, go to ED / 999")

v("who-mam-hydatid-ce5", [
    "i'm typing for my mam, her english isnt great. the ultrasound shows a calcified cyst in the liver with a thick calcified rim",
    "she grew up on a sheep farm in Wales and they had working dogs",
    "the clinic doctor wrote 'CE5 hydatid cyst, inactive, for surveillance ultrasound'. she's never had pain from it",
], RT, [HYD],
  "routine: the mother's inactive CE5 hydatid cyst; uncomplicated inactive cysts are watched (WHO-IWGE), already under surveillance, no symptoms")

# ---------------- when ----------------
v("when-old-ulcer-bleed", [
    "back in 2009 I had a bleeding stomach ulcer, vomited blood, had a camera test and it was treated. Nothing like that since.",
    "Now a CT for my kidneys says 'incidental 3 mm calcified granuloma in the left lobe of the liver'. No cancer history, no liver disease, I feel well.",
], R, [GI],
  "reassurance: the vomiting blood was in 2009 and resolved; now a small incidental calcified granuloma with no risk factors or current red flags")

v("when-gp-safety-net", [
    "my GP said the calcified granuloma on my ultrasound is nothing to worry about but to come back if I ever get yellow skin, a fever with pain, or black stools. what would those mean?",
    "i dont have any of those, I just want to know what to look out for",
    "no previous illnesses",
], R, [GI],
  "reassurance: the warning signs are hypothetical safety-netting and explicitly denied; incidental calcified granuloma")

v("when-weight-since-xmas", [
    "CT 2 weeks ago: several punctate calcifications liver",
    "since about christmas ive lost nearly 8 kilos without trying, my clothes are hanging off me",
    "Im not dieting or anything",
], S, [],
  "soon: unintentional weight loss is a prompt-review sign (NICE NG12 urgency)")

v("when-drained-abscess", [
    "In 2017 I was in hospital with a liver abscess, they drained it and I had antibiotics for 6 weeks.",
    "My new CT says 'coarse calcification at the site of the previously drained abscess in segment VI, unchanged compared with 2019.' Is this normal?",
    "I'm well, no fever, no pain",
], R, [HI],
  "reassurance: remnant of a healed abscess, unchanged on follow-up imaging; article 2 says no treatment is needed")

v("when-breast-ca-long-ago-new", [
    "breast cancer 12 years ago, lumpectomy and radiotherapy, discharged from oncology in 2018",
    "this years CT (for a cough) shows 'new small calcified foci in the liver, not present on the 2016 study'",
], S, [MET],
  "soon: personal history of a cancer that spreads to the liver plus new calcified foci; metastases lead the list for people with known cancer")

v("when-mri-booked-soft-tissue", [
    "I'm booked for a liver MRI next Tuesday because the ultrasound showed a calcification with a 'possible associated soft tissue component'",
    "should I be worried? I have no symptoms otherwise",
], S, [],
  "soon: an associated soft-tissue component raises concern (ACR white paper); prompt review, which the booked MRI fits")

v("when-what-if-it-grows", [
    "my 2 mm liver calcification was exactly the same on my last three scans (2019, 2021 and 2023)",
    "what happens if one day it does grow? would they have to operate?",
    "no illnesses, no medication",
], R, [GI, HI],
  "reassurance: stable over four years strongly favours benign (ACR); growth is only hypothetical; no risk factors")

v("when-sudden-pain-this-afternoon", [
    "had the ultrasound last week, report says coarse calcifications in the liver and a few gallstones",
    "since this afternoon ive had sudden severe pain under my right ribs, worst ive ever had, I cant sit still",
], E, [],
  "emergency: sudden, severe abdominal pain now (NHS stomach pain page)")

v("when-childhood-tb-lagos", [
    "Grew up in Lagos, had TB treatment when I was 9, I'm 45 now",
    "a check-up ultrasound found multiple tiny calcified granulomas in the liver",
    "no other issues, never been unwell since",
], R, [GI],
  "reassurance: childhood TB with calcified granulomas, incidental, no risk factors or red flags")

v("when-hep-a-student", [
    "I had hepatitis A with jaundice in 1990 when I was a student, it cleared up completely",
    "CT now shows a single punctate calcification in the liver, the radiologist says 'likely benign, no follow-up required'",
    "feel absolutely fine",
], R, [GI, HI],
  "reassurance: hepatitis A and its jaundice resolved 30+ years ago (not chronic hepatitis); single punctate calcification called benign")

# ---------------- how much / which way ----------------
v("size-6-to-11", [
    "Last years CT: 'calcified focus segment 4, 6 mm'. This years: 'calcified lesion segment 4 now measures 11 mm'.",
    "nothing else wrong with me",
], S, [],
  "soon: the two sizes show growth (6 mm to 11 mm); a growing lesion needs prompt review (ACR, NICE)")

v("size-shrank-9-to-7", [
    "first ultrasound in 2020 said 9mm calcified area, the one this month says 7 mm",
    "so its got smaller? is that good?",
    "no cancer, healthy otherwise",
], R, [GI, HI],
  "reassurance: no growth over four years (slightly smaller) strongly favours benign; no risk factors")

v("size-dates-stable", [
    "CT 14/03/2022 punctate hepatic calcs. CT 02/05/2024 'stable appearance of punctate hepatic calcifications'",
    "no symptoms no medical history",
], R, [GI],
  "reassurance: stable over two years, no risk factors, no red flags")

v("size-us-date-similar", [
    "the radiologist compared it to my 8/2019 ultrasound and wrote 'similar appearance of the 0.4 cm echogenic shadowing focus, compatible with calcification'",
    "i have no other health problems, not on meds",
], R, [GI],
  "reassurance: 'similar appearance' to 2019 = stable; small; no risk factors")

v("size-colon-no-new", [
    "Had bowel cancer surgery in 2020 and chemo after. My surveillance CTs have shown 3 small calcifications in the liver since 2021.",
    "Latest CT last week: 'Unchanged hepatic calcifications. No new liver lesions.'",
    "oncology review is next month",
], RT, [MET, GI],
  "routine: known colorectal cancer, but the calcifications are unchanged for three years with no new lesions; raise at the planned oncology review")

v("size-innumerable-haemochromatosis", [
    "ultrasound: 'innumerable tiny echogenic foci throughout the liver, likely punctate calcifications'",
    "i have haemochromatosis, diagnosed 2015, i have venesections",
    "no pain, not yellow",
], RT, [META],
  "routine: hemochromatosis is a listed rare cause and a high-risk group; no red flags, so raise with the treating doctor")

v("size-units-confused", [
    "MRI said 1.2cm calcified nodule. My CT 2 years ago said 12 mm",
    "so is it the same?? Im confused by the units",
    "no other problems at all",
], R, [GI, HI],
  "reassurance: 1.2 cm = 12 mm, so unchanged over two years; 'confused by the units' is not the symptom confusion")

v("size-two-new", [
    "had CT in 2021 - liver normal. CT this month - 'two new punctate calcifications in the right lobe'",
    "Ive never had cancer, no liver problems, I feel fine",
], S, [GI],
  "soon: new lesions compared with 2021 call for prompt review (CLINICAL_NOTES red flags: a new lesion); granuloma still the likeliest cause without cancer")

v("size-few-largest-3x2", [
    "report: 'a few (3-4) punctate calcific foci, largest 3 x 2 mm'",
    "I'm 29, healthy, grew up in Kentucky",
], R, [GI],
  "reassurance: a few tiny punctate calcifications in a healthy person from a histoplasmosis area")

# ---------------- several things in one message ----------------
v("multi-amio-biopsy-doctor", [
    "hi there. CT said 'scattered punctate calcifications in the liver' and I'm on amiodarone for AF since 2018. Is it the amiodarone? do I need a biopsy? And can I get a proper doctor to look at this please",
    "no other symptoms",
], RT, [DRUG],
  "routine: amiodarone is a listed drug cause; facts, two questions and a request in one message; no red flags")

v("multi-bloods-and-blackout", [
    "my ultrasound showed a few calcs in the liver and the gp wants bloods, what are they testing for and also is it normal to feel faint and dizzy, i actually blacked out at work this morning",
], E, [],
  "emergency: a blackout (loss of consciousness) said inside a question at the end of the message (NHS: fainted even if came round)")

v("multi-mum-hepb-question", [
    "two things: 1) my CT says calcified granuloma 5mm, 2) my mother had hep B, should I get tested? and what does granuloma even mean",
    "me? never had hepatitis that i know of, no symptoms",
], R, [GI],
  "reassurance: hepatitis B is the mother's; the user denies hepatitis and symptoms; small calcified granuloma")

v("multi-ovarian-chemo", [
    "Hello, I've got a lot of questions. CT: multiple punctate calcifications in the liver. I had chemo for ovarian cancer 2 years ago. Could it be the cancer? What tests next? Would I need more chemo?",
    "The calcifications weren't on my CT from before the chemo",
], S, [MET],
  "soon: personal ovarian cancer (mucinous tumours calcify; metastases calcify after chemotherapy) with calcifications that are new since treatment")

v("multi-weight-itch-question", [
    "is it normal to lose weight with liver calcifications? ive gone from 70 to 63 kg since summer without trying. CT showed punctate calcs. i also itch a lot at night.",
], S, [],
  "soon: 7 kg unintentional weight loss, said inside a question; prompt review")

v("multi-mass-questions", [
    "My CT: coarse calcification and 'a 2 cm ill-defined hypodense mass adjacent to it'. Whats the difference between a calcification and a mass? Do I need a biopsy? I'd like to talk to someone",
], S, [],
  "soon: an ill-defined mass next to the calcification raises concern (ACR); prompt review")

v("multi-cirrhosis-new-focus", [
    "ok so. cirrhosis (alcohol, sober 4 yrs), on the 6-monthly ultrasounds. this one says 'new 8 mm calcified focus'. my hepatologist appt isnt until june. should i move it up? what could it be?",
], S, [CLD, PLC],
  "soon: a new lesion in a high-risk person (cirrhosis); prompt review rather than waiting months")

v("multi-causes-treatment-mine", [
    "what are the causes of calcification in the liver and do any of them need treatment? asking because mine is a 'single calcified granuloma', no illnesses, no tablets",
], R, [GI],
  "reassurance: general questions plus a single calcified granuloma without risk factors")

v("multi-fatty-meals-referred", [
    "i get pain after greasy food, been like that for months. ultrasound says 'echogenic foci along the bile ducts, ?intrahepatic stones vs calcification'. GP has already referred me for an MRCP in a few weeks",
    "can diet help? whats the treatment? no fever, no yellowing, the pain is mild and better since I cut down on fat",
], RT, [BDS],
  "routine: limited bile duct stones painful after fatty meals are managed with medicines, low-fat diet and further imaging (article 2); fever and jaundice denied; imaging already booked")

# ---------------- the question that was asked ----------------
v("q-live-with-it", [
    "do people usually need to do anything about a calcified granuloma or is it one of those things you just live with",
    "mine is 3mm on CT, found by accident, im otherwise healthy",
], R, [GI],
  "reassurance: treatment question phrased indirectly; incidental small calcified granuloma")

v("q-ought-to-ask-scans", [
    "I'm wondering whether I ought to be asking my doctor for more scans",
    "context: ultrasound showed punctate calcifications, I'm on methotrexate for RA since 2016",
    "no symptoms",
], RT, [DRUG],
  "routine: methotrexate is a listed drug cause; no red flags")

v("q-caught-from-sheep-active", [
    "can you catch something like this from animals? the report says 'CE2 hydatid cyst, 6 cm, active, with partial calcification of the wall'",
    "I keep sheep. no pain or fevers",
], S, [HYD],
  "soon: an active (CE2) hydatid cyst needs prompt surgery or percutaneous treatment with albendazole (article 2; WHO-IWGE)")

v("q-bats-caving", [
    "I'm wondering if I could have picked this up caving, I read bats spread something",
    "CT: multiple tiny calcified granulomas in the liver and spleen",
    "healthy otherwise, nothing hurts",
], R, [GI],
  "reassurance: calcified hepatosplenic granulomas with cave exposure fit old histoplasmosis; incidental")

v("q-shortens-life", [
    "I'd just like to know, honestly, whether this is the kind of thing that shortens your life",
    "it's 'punctate calcification of the liver' on an MRI for my back, nothing else found",
    "no illnesses, no medications",
], R, [GI],
  "reassurance: seriousness asked indirectly; incidental punctate calcification without risk factors")

v("q-hh-specialist", [
    "would a liver specialist want to see someone with hemochromatosis who now has calcifications on their scan?",
    "yes that's me, C282Y homozygous, ferritin under control",
    "no symptoms",
], RT, [META],
  "routine: hemochromatosis (a rare cause and high-risk group) with calcifications and no red flags")

v("q-dad-liver-cancer-chance", [
    "whats the chance its something bad, given my dad died of liver cancer at 60?",
    "my ultrasound: solitary 2mm calcified granuloma",
    "i dont have hepatitis or anything like that",
], R, [GI],
  "reassurance: liver cancer is the father's; the user has a tiny solitary calcified granuloma and denies hepatitis")

v("q-needle-biopsy", [
    "would I have to have a needle biopsy for this? my ultrasound showed punctate calcs and my GP says my liver bloods are all normal",
    "no cancer, no meds, feel fine",
], R, [GI],
  "reassurance: test question phrased indirectly; punctate calcifications with normal liver tests and no risk factors")

v("q-was-it-the-wine", [
    "is it something I did, like drinking? I have a few glasses of wine at weekends. CT: two calcified granulomas, 3 and 4 mm",
    "no liver disease that I know of",
], R, [GI],
  "reassurance: cause question phrased as self-blame; moderate drinking without liver disease; small calcified granulomas")

v("q-black-inside-question", [
    "the scan said calcified granuloma. quick question, can granulomas make your poo go black like tar? mine has been since yesterday",
], E, [],
  "emergency: own black tarry stools since yesterday, said inside a question")

# ---------------- answers taken for something else ----------------
v("ans-three-nos", [
    "my ct says calcified granuloma in liver",
    "no",
    "no",
    "nope none of that",
], R, [GI],
  "reassurance: bare negative answers to the assistant's questions; calcified granuloma with nothing else")

v("ans-no-but-tb", [
    "ultrasound found liver calcifications",
    "no I dont have cancer, but I did have TB in Romania when I was 20",
    "no meds",
], R, [GI],
  "reassurance: a 'no' answer carrying an extra fact (past TB) that names the likely cause")

v("ans-correct-sister-cancer", [
    "I had breast cancer and my CT shows 2 small calcified granulomas in the liver",
    "sorry I typed that wrong, my SISTER had breast cancer, not me. I've never had cancer",
    "no symptoms",
], R, [GI],
  "reassurance: the corrected history is family only; small calcified granulomas")

v("ans-forgot-bowel-cancer", [
    "ultrasound showed a few small calcifications in the liver, I'm healthy",
    "oh sorry, I should say I was treated for bowel cancer in 2022, I don't think of myself as ill any more",
    "they weren't there on my CT in 2022",
], S, [MET],
  "soon: late-added personal colorectal cancer plus calcifications new since 2022; colorectal metastases calcify in 10-27 %")

v("ans-correct-mri-size", [
    "CT showed a 15 mm calcification",
    "sorry it was an MRI, and I misread the number, it's 1.5 mm, a 'punctate focus'",
    "no health problems",
], R, [GI],
  "reassurance: corrections (MRI, 1.5 mm) leave a tiny punctate focus without risk factors")

v("ans-correct-not-new", [
    "the scan said my liver calcification is new",
    "no wait, I reread it. it says 'no new lesions, the known calcification is unchanged since 2020'. sorry",
    "I'm healthy",
], R, [GI, HI],
  "reassurance: the correction replaces 'new' by unchanged since 2020 with no new lesions")

v("ans-date-then-same", [
    "I have a calcified granuloma in my liver on CT",
    "2019",
    "yes same size as back then",
    "no",
], R, [GI],
  "reassurance: short answers; the granuloma is the same size as in 2019")

v("ans-no-cancer-but-fever-pain", [
    "liver ultrasound shows punctate calcs",
    "no cancer. but ive had a temperature since sunday and a pain under my right ribs",
], S, [],
  "soon: fever with right-upper pain is enough to act on (possible cholangitis); no jaundice, so not all three")

v("ans-denials-then-black", [
    "CT showed scattered calcifications in the liver",
    "no jaundice, no weight loss. the only thing is my poo has been pitch black for 3 days",
], E, [],
  "emergency: black stools for three days, carried inside an answer of denials")

v("ans-none-only-amio", [
    "calcs on my liver scan",
    "none of those",
    "only amiodarone",
], RT, [DRUG],
  "routine: the short answer 'only amiodarone' names a listed drug cause; no red flags")

# ---------------- reported speech and pasted notes ----------------
v("paste-findings-impression", [
    "FINDINGS: Liver is normal in size with smooth contour. There are several punctate calcifications in the right hepatic lobe, the largest measuring 2 mm. No focal hepatic mass. Gallbladder unremarkable. Spleen contains several calcified granulomas.\nIMPRESSION: 1. Hepatic and splenic calcified granulomas, sequelae of prior granulomatous infection. 2. No acute abnormality.",
    "what does that mean in english please",
    "i'm fit and well, no history of anything",
], R, [GI],
  "reassurance: pasted report, no mass, granulomas from prior infection; no risk factors")

v("paste-elderly-sanatorium", [
    "Dear Sir or Madam, I am 86 years of age and I write concerning a letter from Dr Hughes which reads: 'Incidental finding of scattered punctate hepatic calcification, in keeping with previous granulomatous disease. No further action.' I should be most grateful for an explanation. I was in a sanatorium with tuberculosis in 1952. Yours faithfully, E. Pritchard",
], R, [GI],
  "reassurance: formal letter; old TB and the doctor's 'no further action'")

v("paste-reported-denials", [
    "the doctor wrote 'Patient denies fevers, rigors, jaundice, melaena or haematemesis. No weight loss.' and 'US: solitary calcified focus, 5 mm.'",
    "is that good? I've no past medical history",
], R, [GI],
  "reassurance: the red flags are reported denials; single small calcified focus without risk factors")

v("paste-varices-now-blood", [
    "Discharge summary: 'Admitted with haematemesis, OGD showed oesophageal varices, banded. Background alcohol-related cirrhosis. CT: scattered hepatic calcifications, nodular liver.'",
    "I got home yesterday. I just threw up again and there was blood in it, is that expected after banding?",
], E, [CLD],
  "emergency: vomiting blood again now (asked as a question), on a background of cirrhosis and varices")

v("paste-radiographer-said", [
    "the sonographer said during my scan 'oh thats just a bit of calcium, nothing sinister', then the report said 'Punctate calcification in segment 2, likely granuloma.'",
    "I've not had any illnesses, no tablets",
], R, [GI],
  "reassurance: reported speech; punctate likely granuloma, no risk factors")

v("paste-enlargement-hepb", [
    "IMPRESSION: Interval enlargement of the partially calcified lesion in segment VIII, now 2.4 cm (previously 1.6 cm). Recommend MRI liver with contrast.",
    "I'm hep B positive, on tenofovir",
], S, [PLC, CLD],
  "soon: a growing lesion in someone with chronic hepatitis B (high-risk); radiologist wants more imaging")

v("paste-pbc-letter", [
    "Clinic letter: 'Diagnosis: primary biliary cholangitis (AMA positive), on ursodeoxycholic acid. Ultrasound: a few punctate hepatic calcifications of doubtful significance.'",
    "I'm itchy as always with the PBC but nothing new",
], RT, [META],
  "routine: PBC is a listed rare cause and high-risk group; long-standing itch is not new; raise with the liver team")

v("paste-late-triad", [
    "Report: 'multiple coarse calcifications, the largest 7mm, likely sequelae of prior infection. No biliary dilatation.'",
    "I'm 58 and otherwise well. one thing I didn't tell the gp: I've been going a bit yellow for a week and I've had chills, a fever and pain on my right side",
], E, [],
  "emergency: jaundice, fever and right-sided pain together (Charcot's triad), said late after 'otherwise well'")

v("paste-non-native-tb", [
    "Hello doctor, my report is in english, I translate rest. It say: 'Liver: few calcified granulomas, biggest 6mm. Other organs normal.' In my country I had tuberculosis, treated 2008. Now I am healthy, no pain. It is dangerous?",
], R, [GI],
  "reassurance: non-native English; treated TB and calcified granulomas, no red flags")

# ---------------- urgency across the range ----------------
v("urg-belly-swelling", [
    "CT report says 'punctate hepatic calcifications; moderate ascites'",
    "my belly has blown up over the last 3 weeks, trousers wont close",
], S, [],
  "soon: a newly swollen abdomen (ascites) needs prompt review (NICE NG12)")

v("urg-tender-sudden", [
    "ultrasound showed stones in my gallbladder and a calcification in the liver",
    "my tummy is so tender I can't bear anyone touching it, it came on suddenly about an hour ago",
], E, [],
  "emergency: sudden pain with pain when the tummy is touched (NHS stomach pain page)")

v("urg-dictation-drowsy", [
    "my liver scan showed calcium fication in the liver and I cannot think straight I've been so drowsy since this morning I keep nodding off mid sentence",
], E, [],
  "emergency: new drowsiness and confusion today, in a voice-dictated message")

v("urg-dark-pee-yellow", [
    "CT: punctate calcification in the liver and mildly dilated bile ducts",
    "my pee is dark and my skin has gone yellow in the last few days. no fever, no pain",
], S, [],
  "soon: new jaundice needs urgent advice; fever and pain denied, so not the full triad")

v("urg-coffee-grounds", [
    "had a bit of sick this morning that looked like coffee grounds. also my report said 'calcified granuloma'. which should I worry about more?",
], E, [GI],
  "emergency: vomit like ground coffee (NHS), mentioned before the finding")

v("urg-hepb-clinic-stable", [
    "I have chronic hepatitis B and I'm under the liver clinic. the surveillance ultrasound says 'stable 4 mm calcification, unchanged since 2019, no new focal lesion'",
    "I'm fine in myself",
], RT, [CLD],
  "routine: chronic hepatitis B is high-risk, but the calcification is stable for years with no new lesion; raise at the next clinic")

v("urg-elderly-amiodarone", [
    "Dear Sirs, My cardiologist placed me on amiodarone in 2019. A recent CT of the abdomen mentions 'increased hepatic density with a few punctate calcifications'. I have no complaints. Kindly advise whether I should be concerned.",
], RT, [DRUG],
  "routine: amiodarone is a listed drug cause; no complaints")

v("urg-temp-shivery", [
    "been shivery with a temp of 38.6 since last night and aching right under my ribs on the right. I had a scan last month that said 'calcification in the liver'",
    "no yellowing",
], S, [],
  "soon: fever with right-upper pain (possible cholangitis) is enough to act on; jaundice denied")

v("urg-treated-mets-calcified", [
    "My colorectal liver metastases were treated with chemo and the CT now says 'the known metastases have decreased in size and are now densely calcified, consistent with treatment response'",
    "next scan in 3 months, feeling OK",
], RT, [MET],
  "routine: known treated metastases calcifying after chemotherapy and shrinking; under oncology follow-up, no red flags")

v("urg-late-muddled", [
    "hello",
    "I got my CT results and the letter says 'few punctate calcifications in the liver, likely benign'",
    "I've not had TB that I know of. I'm on no tablets",
    "what should I ask my GP?",
    "oh and I meant to say, I've been really muddled and sleepy since yesterday, my wife had to help me get dressed this morning",
], E, [],
  "emergency: new confusion and drowsiness, said late in the conversation")

v("urg-cirrhosis-stable", [
    "I have cirrhosis from fatty liver, seen once a year at the hospital. CT shows 'a few scattered calcifications, unchanged from 2022, no new lesions'",
    "no bleeding, no confusion, no swelling",
], RT, [CLD],
  "routine: cirrhosis is high-risk but the calcifications are stable with no new lesions and red flags are denied")

v("urg-letrozole-stable", [
    "still on letrozole after breast cancer in 2020. the calcification in my liver is 'stable over 18 months, likely benign' on CT",
    "oncology review is in the autumn, no new symptoms",
], RT, [MET, GI],
  "routine: personal breast cancer but no growth for over a year (favours benign); raise at the planned review")

v("urg-cyst-thin-wall", [
    "ultrasound: 'simple-appearing 2.5 cm hepatic cyst with a thin calcified wall; recommend follow-up ultrasound in 12 months'",
    "never been abroad, no farm animals, no symptoms",
], RT, [CYST, HYD],
  "routine: a cyst with a calcified wall and a follow-up scan recommended by the radiologist; no red flags")

v("urg-muddled-friend-not-me", [
    "my friend with cirrhosis got confused and was admitted last week, so I'm nervous",
    "my own CT showed a single 3 mm calcified granuloma. I don't drink much, no liver disease, I feel completely normal",
], R, [GI],
  "reassurance: the confusion and cirrhosis are the friend's; the user has a small calcified granuloma without risk factors")

v("urg-us-spelling-histo", [
    "My doctor in Missouri said my liver calcifications are probably from histo, I had a positive skin test years ago",
    "the CT radiologist said they look benign and stable compared with 2020. No symptoms, no meds.",
], R, [GI],
  "reassurance: presumed old histoplasmosis, stable since 2020, no risk factors")

v("urg-anxious-repeat", [
    "is it cancer",
    "please just tell me is it cancer. the CT says 'punctate calcification, likely calcified granuloma'",
    "I've never had cancer or liver trouble. is it cancer?? sorry I'm scared",
], R, [GI],
  "reassurance: anxious repeated question; calcified granuloma without risk factors")

v("urg-fainted-question-friend", [
    "ultrasound showed 2 small calcifications in the liver, otherwise fine",
    "my sister fainted last year and it was just low blood pressure, so fainting isn't a liver thing is it? i haven't fainted myself",
], R, [GI],
  "reassurance: the fainting is the sister's; the user explicitly has not fainted; small calcifications without risk factors")

if __name__ == "__main__":
    ids = [x["id"] for x in V]
    assert len(ids) == len(set(ids)), "duplicate ids"
    print(json.dumps(V, indent=1, ensure_ascii=False))

#!/usr/bin/env python3
"""Author M, issue 12 ("reading the whole message"): dialogue vignettes.

Every message below was written by hand for this set. Gold triage follows
shared/CLINICAL_NOTES.md; the reason is in each `note`. The judge answers
"no" to any question still pending after the last message, so every gold
level holds whatever the assistant asks next.
"""
import json
import os

E, S, R, Q = "emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"
GI, HI, MET, PLC, CLD = ("granulomatous_infection", "healed_infection", "hepatic_metastases",
                         "primary_liver_cancer", "chronic_liver_disease")
DRUG, BDS, HYD, CYST, META = ("drug_related", "bile_duct_stones", "hydatid_cyst", "cystic_lesion",
                              "rare_metabolic")

V = [
    # =========================== EMERGENCY ===============================
    ("e-proxy-late-drowsy", [
        "CT abdomen came back: 'scattered punctate calcifications in the liver, likely old granulomatous disease'",
        "I'm her daughter btw, typing for her because she's not good with phones",
        "she's been so drowsy today, keeps nodding off mid sentence and didn't know what day it was",
    ], E, [], "emergency: new drowsiness/confusion in the patient (mother), typist revealed only in message 2"),
    ("e-coffee-in-question", [
        "ultrasound found a calcification in my liver",
        "is it normal to be sick with brown bits like coffee grounds? happened twice this morning",
    ], E, [], "emergency: coffee-ground vomit (vomiting blood) said inside a question"),
    ("e-tar-cirrhosis", [
        "had a CAT scan, there's some calcs on the liver and they already told me I have cirrhosis",
        "also my poo has been black and sticky like tar for 2 days, sorry tmi",
    ], E, [], "emergency: black tarry stools (in cirrhosis)"),
    ("e-fainted-husband-saw", [
        "Report says: 'A single coarse calcification in segment VI, of doubtful significance.'",
        "my husband says I fainted in the kitchen last night, I don't remember it, came round quickly though",
    ], E, [], "emergency: fainting reported by spouse is the user's own; counts even if they came round"),
    ("e-worst-pain", [
        "MRI showed small calcium deposits in my liver",
        "this evening I suddenly got a really bad pain in my upper belly, worst I've ever had, can't stand up straight",
    ], E, [], "emergency: sudden severe abdominal pain"),
    ("e-triad-spread", [
        "I had an ultrasound last week for my gallbladder, they saw calcification in the liver and maybe a stone in the bile duct",
        "since last night I've had a temperature of 39 and I'm shivering",
        "and it hurts under my right ribs",
        "my son just said the whites of my eyes have gone yellow",
    ], E, [], "emergency: fever + right upper abdominal pain + jaundice (Charcot triad) spread over 4 messages, jaundice reported by son"),
    ("e-triad-formal-letter", [
        "Dear Sir or Madam, I write on behalf of my husband, aged 81. His recent computed tomography examination "
        "described 'calcified foci in the right hepatic lobe'. Since yesterday he has been feverish with pain in the "
        "right side of his abdomen, and this morning his skin has a distinctly yellow tinge. Kindly advise.",
    ], E, [], "emergency: fever, right-sided abdominal pain and jaundice together in the patient (husband), elderly formal letter"),
    ("e-nonnative-vomit-blood", [
        "hello, my echography show calcification in liver, doctor say not dangerous",
        "but today I am vomit blood, little bit red colour, is ok?",
    ], E, [], "emergency: vomiting blood (non-native English, inside a question)"),
    ("e-textspeak-blackout", [
        "got my scan back, liver has a calcified granuloma lol",
        "btw blacked out at work yday, colleague caught me, felt fine after",
    ], E, [], "emergency: loss of consciousness counts even after recovery; colleague only witnessed it"),
    ("e-correction-confused", [
        "my CT showed calcification in my liver",
        "sorry it was an MRI not a CT",
        "also my dad says I'm not making any sense today and I keep losing track of what I'm saying",
    ], E, [], "emergency: acute confusion of the user reported by father; imaging correction in between"),
    ("e-old-letter-new-bleed", [
        "Clinic letter from October: 'Patient denies fever, jaundice or weight loss. CT: punctate hepatic calcifications.'",
        "that was then. since last week I've been throwing up and last night there was blood in it",
    ], E, [], "emergency: vomiting blood now; the pasted denials are from an earlier visit"),
    ("e-anxious-then-collapse", [
        "is liver calcification cancer?? is it cancer",
        "the CT said multiple calcifications, I had breast cancer in 2019",
        "please just tell me is it cancer",
        "also I collapsed on the stairs about an hour ago",
    ], E, [], "emergency: collapse said last after repeated anxious questions"),
    ("e-proxy-dad-coffee", [
        "Writing for my father who had bowel cancer three years ago",
        "his latest CT says there are new calcified lesions in the liver",
        "and tonight he has vomited something that looks like coffee granules",
    ], E, [], "emergency: coffee-ground vomit in the patient (father); new lesions alone would be soon"),
    ("e-melaena-gp-note", [
        "GP note says 'melaena x2 today'. The ultrasound last month had shown a calcified focus in the liver. what do I do now",
    ], E, [], "emergency: melaena (black tarry stools) in pasted note language"),
    ("e-ten-out-of-ten", [
        "liver calcification seen on ct and since an hour ago i have an agonising stabbing pain in my tummy 10 out of 10",
    ], E, [], "emergency: sudden severe abdominal pain, no punctuation"),
    ("e-carer-confused", [
        "I'm a carer for Mrs K, who is 88. Her scan letter mentions punctate calcification of the liver.",
        "Today she has suddenly become very confused, she thought I was her sister",
    ], E, [], "emergency: acute confusion in the patient; typist is a paid carer"),
    ("e-triad-question", [
        "ct showed rim calcification in the liver, i'm 41",
        "i've been running a fever and have a bad ache on the right side under my ribs since sunday",
        "could that be why my skin is going yellow?",
    ], E, [], "emergency: fever + right upper pain + jaundice; the jaundice is said inside a question"),
    ("e-pasted-then-passout", [
        "Hi. Abdominal ultrasound impression: Coarse calcification right lobe, likely sequelae of prior infection. No biliary dilatation.",
        "Thanks. Probably unrelated but I passed out briefly after getting up this morning",
    ], E, [], "emergency: fainting, said as 'probably unrelated'"),
    ("e-wife-saw-vomit", [
        "my wife watched me throw up blood twice tonight. I have cirrhosis and the scan in May showed liver calcification",
    ], E, [], "emergency: vomiting blood (user's own, witnessed by wife)"),
    ("e-asphalt-stool", [
        "Good day. I have calcification in liver from CT scan. From yesterday my stool is black colour like asphalt. I am not taking iron tablets.",
    ], E, [], "emergency: black tarry stools, no iron to explain them"),
    ("e-proxy-hard-to-wake", [
        "my dad has hep C and cirrhosis, his MRI mentions some calcifications",
        "he's been sleeping nearly all day and it's hard to wake him up",
    ], E, [], "emergency: new drowsiness in the patient (father) with cirrhosis"),
    ("e-nope-then-triad", [
        "ultrasound says calcification in the liver and a possible stone in the common bile duct",
        "nope",
        "actually now I do have a fever, 38.5, with pain in my right upper tummy, and my eyes look yellow",
    ], E, [], "emergency: fever + right upper pain + jaundice after an earlier 'nope'"),
    ("e-doubled-over", [
        "ct said there's calcium in the liver, nothing serious they said",
        "20 min ago a sudden severe pain hit me and I'm doubled over on the floor",
    ], E, [], "emergency: sudden severe abdominal pain after reassurance from the report"),
    ("e-grandad-proxy-late", [
        "My liver scan showed calcification",
        "oh sorry, I should say I'm typing for my grandad, it's his scan not mine",
        "he's passed out twice today",
    ], E, [], "emergency: fainting in the patient (grandfather), proxy revealed only in message 2"),

    # =========================== SOON ===================================
    ("s-growth-pair", [
        "Follow up CT: the calcified lesion in my liver is now 9 mm, it was 6 mm in 2025",
        "no symptoms at all",
    ], S, [], "soon: growing lesion (6 mm to 9 mm)"),
    ("s-breast-new", [
        "had breast cancer 3 years ago, finished chemo",
        "my surveillance CT mentions two new punctate calcifications in the liver that weren't there before",
    ], S, [MET], "soon: personal cancer history with new calcifications; metastases lead"),
    ("s-husband-says-yellow", [
        "my US showed scattered calcs in the liver",
        "my husband says my eyes look yellow, I can't really tell myself",
    ], S, [], "soon: new jaundice in the user, reported by husband (no fever, no pain)"),
    ("s-trousers", [
        "CT: several coarse liver calcifications",
        "not dieting but my trousers are falling off me, lost about 7 kilos since the summer",
    ], S, [], "soon: unintentional weight loss said indirectly"),
    ("s-drum-belly", [
        "MRI found calcification in my liver",
        "my belly has been getting bigger and tight like a drum for a few weeks and I'm not eating more",
    ], S, [], "soon: swollen abdomen"),
    ("s-soft-tissue", [
        "Findings: 2.4 cm partially calcified lesion in segment 8 with an associated soft tissue component. Recommend MRI.",
        "what does this mean, I'm 58",
    ], S, [PLC, MET], "soon: calcified lesion with a soft-tissue mass (concerning feature, ACR)"),
    ("s-cirrhosis-new-mass", [
        "I have cirrhosis from hep B. the 6-monthly ultrasound found a new 1.5 cm mass with some calcification in it",
    ], S, [PLC], "soon: new mass in a cirrhotic liver (high-risk person)"),
    ("s-hydatid-bigger", [
        "Grew up on a sheep farm in Wales. CT shows a cyst with eggshell calcification in my liver",
        "Compared to 2023 it's bigger, 4 cm now, it was 3 cm then",
    ], S, [HYD], "soon: growing rim-calcified cyst with sheep exposure; calcification does not prove inactivity"),
    ("s-proxy-mum-colon-new", [
        "I'm writing for my mother. She had colon cancer surgery in 2024.",
        "Her follow-up CT reports new calcified deposits in the liver, not seen on the previous study",
    ], S, [MET], "soon: colorectal cancer history with new calcifications (patient is the mother)"),
    ("s-jaundice-question-late", [
        "CT results say calcified granuloma, what does that mean?",
        "ok thanks. is it connected to the yellow colour my skin has gone this week?",
    ], S, [], "soon: new jaundice said late, inside a question"),
    ("s-letter-wrong", [
        "ultrasound shows a calcification in my liver",
        "the clinic letter says 'denies weight loss' but that's wrong, I told them I've lost nearly a stone without trying",
    ], S, [], "soon: unintentional weight loss, the pasted denial is corrected by the user"),
    ("s-same-plus-new", [
        "MRI report: the known calcification in segment 4 is the same as March 2021. There is a new 8 mm calcified focus in segment 6.",
    ], S, [], "soon: a new lesion next to a stable one"),
    ("s-push-sooner", [
        "my calcifcation was 4mm in 2022 and now its 7mm, doc wants to see me but not till march, should i push for sooner",
    ], S, [], "soon: growth from 4 mm to 7 mm, typos"),
    ("s-elderly-granddaughter", [
        "Dear assistant, I am 84 years of age. My ultrasound scan showed a calcification of the liver. My "
        "granddaughter remarks that the whites of my eyes have turned yellow these last few days. I have no pain "
        "and no temperature.",
    ], S, [], "soon: new jaundice without fever or pain, reported by granddaughter"),
    ("s-ascites", [
        "had a CT, it says liver calcifications and 'moderate ascites'",
        "what's ascites? my tummy is swollen yes",
    ], S, [], "soon: swollen abdomen (ascites)"),
    ("s-proxy-mum-yellow", [
        "Hi, the ultrasound report says 'punctate calcification, left lobe'",
        "she's 70, I'm asking for my mum",
        "she looks yellow to me, her skin and eyes. she's not in pain and no fever",
    ], S, [], "soon: new jaundice in the patient (mother), proxy revealed in message 2"),
    ("s-interval-increase", [
        "Impression: Interval increase in size of the calcified hepatic lesion compared with 14/02/2025 (now 15 mm, previously 11 mm). Clinical correlation advised.",
    ], S, [], "soon: growing lesion in pasted report language"),
    ("s-mucinous-ovary", [
        "I was treated for mucinous ovarian cancer last year. The new CT shows calcifications in the liver that are new",
    ], S, [MET], "soon: new calcifications with a mucinous primary (calcifying metastases)"),
    ("s-mass-word", [
        "ultrasound saw a 3 cm calcified mass in my liver, the doctor used the word mass and I'm scared",
    ], S, [], "soon: mass"),
    ("s-nonnative-weight", [
        "My CT have many small calcification in liver. I lose 9 kg in 2 month, I not want to lose. Very tired all day.",
    ], S, [], "soon: unintentional weight loss (non-native English)"),
    ("s-hydatid-yellow", [
        "the doctor thinks my calcified liver cyst is hydatid, we always had sheep dogs at home",
        "the last few days I'm itchy and my skin has gone yellow, no fever or pain though",
    ], S, [HYD], "soon: new jaundice with a probable hydatid cyst, no fever or pain"),
    ("s-textspeak-bigger", [
        "ct says liver calc slightly bigger than last yr",
        "no symptoms tho",
    ], S, [], "soon: growing calcification"),
    ("s-no-new-but-grown", [
        "CT impression: No new lesions. The calcified focus in segment 7 measures 10 mm (previously 7 mm).",
    ], S, [], "soon: 'no new lesions' but the known focus grew from 7 to 10 mm"),
    ("s-cyst-wall-grown", [
        "ultrasound shows a cyst with a calcified wall in my liver",
        "it was 2 cm in 2022 and it's 3.5 cm now",
    ], S, [CYST, HYD], "soon: growing cyst with calcified wall"),
    ("s-several-things", [
        "Hi, two questions. My MRI says coarse calcification plus a 2 cm soft tissue mass beside it. What could cause this, and what tests will I need? Also can I talk to a real doctor?",
    ], S, [], "soon: associated soft-tissue mass; facts + two questions + a request in one message"),
    ("s-wife-yellow-dark", [
        "sonogram last week: calcific focus liver, 5mm",
        "wife keeps on that I look yellow and my pee is dark like tea. no temp, no pain",
    ], S, [], "soon: new jaundice (yellow, dark urine) reported by wife, no fever or pain"),

    ("s-alcohol-cirrhosis-belly", [
        "I've got alcoholic cirrhosis, dry for 2 years now. CT shows scattered calcifications in the liver",
        "over the last month my belly has swollen right up",
    ], S, [CLD, PLC], "soon: swollen abdomen in cirrhosis"),
    ("s-duct-stones-yellow", [
        "CT shows calcifications in the liver and stones in the bile ducts",
        "eyes yellowish since Monday. no fever and no pain",
    ], S, [BDS], "soon: new jaundice with bile duct stones, no fever or pain (not the full triad)"),
    ("s-pbc-yellow", [
        "I've had PBC for 6 yrs, on ursodeoxycholic acid. The new ultrasound mentions punctate calcification",
        "the thing is my skin has gone yellow recently, never used to be. no temperature, no tummy pain",
    ], S, [META, CLD], "soon: new jaundice in a person with PBC, no fever or pain"),
    ("s-hepb-weight", [
        "hep B carrier since birth. MRI: a few calcific foci in the liver",
        "and I have lost 8 kg in 3 months without trying",
    ], S, [CLD, PLC], "soon: unintentional weight loss in chronic hepatitis B"),

    # =========================== ROUTINE =================================
    ("r-mtx-ra", [
        "I've been on methotrexate for rheumatoid arthritis for 8 yrs, CT shows punctate calcifications in the liver",
        "no other problems, no yellowing, no weight loss",
    ], R, [DRUG], "routine: methotrexate use, no red flags"),
    ("r-amio-stop", [
        "my heart doctor put me on amiodarone 2 years ago. The chest CT caught some small calcifications in my liver",
        "should I stop the tablet?",
    ], R, [DRUG], "routine: amiodarone use, treatment question"),
    ("r-proxy-cordarone", [
        "asking for my dad, he takes Cordarone for his AF",
        "the CT said calcific foci in the liver",
    ], R, [DRUG], "routine: amiodarone (brand name) in the patient (father)"),
    ("r-mtx-textspeak", [
        "on mtx 4 psoriasis, scan found calcium spots on my liver, worried its the meds",
    ], R, [DRUG], "routine: methotrexate, text-speak"),
    ("r-mtx-mum-breast", [
        "I take methotrexate weekly. Ultrasound showed scattered calcifications.",
        "my mother had breast cancer but I have never had cancer",
    ], R, [DRUG], "routine: methotrexate; cancer only in the family does not escalate"),
    ("r-amio-brother-tb", [
        "CT shows a few calcified spots in the liver. I'm on amiodarone, and my brother had TB in Pakistan as a child",
    ], R, [DRUG], "routine: amiodarone use; the TB was the brother's, not the user's"),
    ("r-formal-crohns", [
        "To whom it may concern. I have taken methotrexate for Crohn's disease for some years. My CT scan in "
        "March reported 'tiny calcifications in the liver'. I have no complaints whatsoever. Should I inform my "
        "gastroenterologist?",
    ], R, [DRUG], "routine: methotrexate, no complaints, elderly formal style"),
    ("r-amio-short-answers", [
        "CT showed calcification in my liver. I'm on amiodarone",
        "not that I'm aware of",
        "nope",
    ], R, [DRUG], "routine: amiodarone; short negative answers"),
    ("r-metformin-correction", [
        "I'm on metformin and the CT showed liver calcifications",
        "sorry, I got mixed up, it's methotrexate I take, not metformin",
    ], R, [DRUG], "routine: methotrexate after a correction"),
    ("r-amio-husband-jaundice", [
        "my CT showed punctate liver calcification, I'm on amiodarone",
        "my husband has gone yellow with his gallstones, does that matter for me?",
    ], R, [DRUG], "routine: amiodarone; the jaundice is the husband's own, not the user's"),
    ("r-mtx-friend-bleed", [
        "on methotrexate, scan shows calcified spots in my liver",
        "a friend from work vomited blood last month and had liver trouble, now I'm panicking",
    ], R, [DRUG], "routine: methotrexate; the vomiting blood was a friend's"),
    ("r-mtx-hypothetical", [
        "started methotrexate 5 years ago, the ultrasound found small calcifications",
        "what should I do if I ever get black stools? just so I know",
    ], R, [DRUG], "routine: methotrexate; black stools only hypothetical"),
    ("r-amio-diet", [
        "amiodarone for 3 years, ultrasound shows a couple of liver calcifications",
        "I've lost 5 kg but on purpose, I'm doing slimming world",
    ], R, [DRUG], "routine: amiodarone; weight loss is intentional"),
    ("r-amio-newborn-jaundice", [
        "amiodarone since 2020 and the CT shows liver calcs",
        "I had jaundice as a baby, nothing since",
    ], R, [DRUG], "routine: amiodarone; jaundice only in infancy, long resolved"),
    ("r-mtx-multi-question", [
        "I take methotrexate and my CT shows liver calcifications. What causes this, what tests will I need, and can I talk to a real doctor?",
    ], R, [DRUG], "routine: methotrexate; facts + two questions + a request in one message"),

    # =========================== REASSURANCE =============================
    ("q-sequelae-plain-words", [
        "CT impression: 'Scattered punctate hepatic calcifications, likely sequelae of prior granulomatous disease. No focal mass.'",
        "what does that mean in normal words?",
    ], Q, [GI], "reassurance: punctate calcifications read as old granulomas, no mass, no red flags"),
    ("q-pair-same-size", [
        "ultrasound: single calcified granuloma right lobe, 5 mm, previously 5 mm in 2022",
        "I'm 36 and healthy",
    ], Q, [GI], "reassurance: granuloma same size over three years"),
    ("q-ohio-histo", [
        "grew up in Ohio, my doctor said probably histo. CT shows calcified granulomas in the liver and spleen, unchanged since 2019",
    ], Q, [GI], "reassurance: histoplasmosis granulomas, stable for years"),
    ("q-dad-ulcer-signs", [
        "My ultrasound showed a tiny calcification in the liver",
        "my dad vomited blood and had black stools from a stomach ulcer last year, so I'm scared",
    ], Q, [GI], "reassurance: the red-flag signs were the father's; user has none"),
    ("q-old-abscess", [
        "I had a liver abscess drained in 2016. The new ultrasound shows a calcification in the same spot, same as on the 2021 scan",
    ], Q, [HI], "reassurance: remnant of a healed abscess, unchanged on follow-up imaging"),
    ("q-old-tear", [
        "Car crash in 2010 tore my liver. CT now shows coarse calcification where the tear was, unchanged from 2018",
    ], Q, [HI], "reassurance: healed injury/hematoma remnant, unchanged"),
    ("q-smaller", [
        "calcified granuloma in my liver, the new CT says slightly smaller than in 2023, is that weird?",
    ], Q, [GI], "reassurance: granuloma not growing (slightly smaller)"),
    ("q-india-tb", [
        "had TB in India as a child, treated. CT found a few punctate calcifications in the liver",
        "no cancer, no symptoms",
    ], Q, [GI], "reassurance: past TB, punctate calcifications, no risk factors"),
    ("q-friend-cancer", [
        "my scan: 'solitary 3 mm calcification, of doubtful significance'",
        "my best friend was just diagnosed with liver cancer and her report also said calcification, does that mean I have it too?",
    ], Q, [GI], "reassurance: the cancer is the friend's; user's finding small and incidental"),
    ("q-dog", [
        "My dog had liver calcifications on his ultrasound and the vet said they can be cancer. Now my own CT says punctate hepatic calcification. Is mine cancer?",
    ], Q, [GI], "reassurance: the pet's condition is not the user's; no risk factors given"),
    ("q-in-case", [
        "Ultrasound says calcified granuloma 4mm, no other findings",
        "in case I get yellow eyes or a fever later on, what should I do?",
    ], Q, [GI], "reassurance: jaundice and fever only hypothetical"),
    ("q-pasted-denies", [
        "Clinic note: 'Denies fever, weight loss, jaundice. Abdomen soft, non-tender.' CT: 'Incidental calcified granuloma segment 2.'",
        "the doctor asked if I'd had any black poo and I said no",
    ], Q, [GI], "reassurance: incidental granuloma, all red flags denied in note and reported speech"),
    ("q-mri-correction", [
        "My CT showed a small calcium spot in my liver",
        "sorry, it was an MRI, not a CT. Does that matter?",
        "no history of anything, I'm 29",
    ], Q, [GI], "reassurance: small incidental calcification, young, no history; imaging corrected"),
    ("q-repeat-cancer", [
        "is a calcified granuloma in the liver dangerous",
        "but could it be cancer??",
        "i can't stop thinking about it. is it cancer",
        "never had cancer and no symptoms",
    ], Q, [GI], "reassurance: granuloma, no cancer history; cancer only named in anxious questions"),
    ("q-coworker-hepc", [
        "my coworker has hep C and cirrhosis and told me calcification is how cirrhosis starts",
        "mine is just one small calcified spot on ultrasound. I hardly drink and I've never had hepatitis",
    ], Q, [GI], "reassurance: the liver disease is the coworker's; user has no risk factor"),
    ("q-no-new-stable", [
        "CT follow up: 'Stable punctate calcifications. No new lesions.'",
        "I'm relieved but want to be sure it's ok",
    ], Q, [GI], "reassurance: stable calcifications, no new lesions"),
    ("q-hep-a-child", [
        "I had hepatitis A when I was 12 and was yellow for a few weeks, all fine since",
        "ultrasound now shows a single punctate liver calcification",
    ], Q, [GI, HI], "reassurance: acute hepatitis A and jaundice long resolved; single punctate calcification"),
    ("q-gym-weight", [
        "scan found a tiny calcified granuloma",
        "I have lost 6 kg but that's on purpose, been going to the gym and cutting carbs",
    ], Q, [GI], "reassurance: weight loss intentional"),
    ("q-retired-teacher", [
        "I am a retired schoolteacher of 79. A CT scan of my kidneys noted, in passing, 'a few tiny calcified "
        "granulomata in the liver, unchanged from 2017.' I am in good health. Should I be concerned?",
    ], Q, [GI], "reassurance: incidental granulomas stable since 2017, elderly formal style"),
    ("q-nonnative-same-2020", [
        "Hello, doctor tell me my liver have one calcification 3mm from old infection, same like 2020 scan. I am healthy. Need worry?",
    ], Q, [GI, HI], "reassurance: small calcification from old infection, stable since 2020"),
    ("q-husband-own-yellow", [
        "my husband says he's gone yellow and he's seeing his GP tomorrow, but I'm asking about my own CT, which showed one calcified granuloma",
    ], Q, [GI], "reassurance: the jaundice is the husband's own; user's granuloma only"),
    ("q-proxy-son-fine", [
        "I'm asking for my son who's 19. His ultrasound for a kidney check mentioned a 'tiny echogenic focus with shadowing in the liver, consistent with calcification'",
        "he feels totally fine",
    ], Q, [GI, HI], "reassurance: tiny incidental calcification in a healthy young patient"),
    ("q-not-a-stone", [
        "the ultrasound first said maybe a stone in the liver, then the CT said it's just a calcified granuloma, not a stone",
        "no pain at all",
    ], Q, [GI], "reassurance: granuloma that had been mistaken for a stone; no symptoms"),
    ("q-omg-dying", [
        "omg my ct says calcified granuloma in liver am i dying",
        "no symptoms no cancer nothing",
    ], Q, [GI], "reassurance: granuloma, no risk factors"),
    ("q-ulcer-2009", [
        "I had a bleeding stomach ulcer in 2009, vomited blood back then, it was treated and nothing since",
        "ultrasound this month: single 4 mm calcified granuloma, incidental",
    ], Q, [GI], "reassurance: vomiting blood long past and resolved; incidental granuloma"),
    ("q-fainted-college", [
        "CT: punctate calcification in the liver, unchanged vs 2020",
        "the only time I ever fainted was giving blood in college, 30 years ago",
    ], Q, [GI], "reassurance: stable calcification; fainting decades ago"),
    ("q-new-scan-same", [
        "my new CT shows the same calcification as before, the report says no change from 2022",
    ], Q, [GI], "reassurance: 'new' refers to the scan, the calcification is unchanged"),
    ("q-sister-pbc", [
        "ultrasound showed a tiny calcified granuloma",
        "my sister has PBC and my brother has haemochromatosis, but I've been tested and I don't have either",
    ], Q, [GI], "reassurance: PBC and hemochromatosis are the siblings', user tested negative"),
]


def main():
    out = []
    ids, texts = set(), set()
    for vid, msgs, triage, causes, note in V:
        if vid in ids:
            raise SystemExit("duplicate id " + vid)
        ids.add(vid)
        key = tuple(m.strip().lower() for m in msgs)
        if key in texts:
            raise SystemExit("duplicate conversation " + vid)
        texts.add(key)
        out.append({"id": "m12-" + vid, "messages": msgs, "triage": triage,
                    "causes_top3_any": causes, "note": note})
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "vignettes.json"), "w") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    from collections import Counter
    print(len(out), "vignettes", dict(Counter(v["triage"] for v in out)))


if __name__ == "__main__":
    main()

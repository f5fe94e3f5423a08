"""Source of /tmp/set_j/vignettes.json (independent subagent J).

Every gold label is derived from /work/shared/CLINICAL_NOTES.md; the reason is
in each `note`. Run: python3 vignettes_src.py  (writes ../vignettes.json)
"""
import json
import os

E, S, R, A = "emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"

V = []


def v(id_, messages, triage, causes, note):
    V.append({"id": id_, "messages": messages, "triage": triage,
              "causes_top3_any": causes, "note": note})


# ---------------------------------------------------------------- emergency
v("j-e01-coffee-grounds-in-question",
  ["hiya, ct last month said 'calcified granuloma in the liver' and the gp said not to worry about it",
   "but tonight I've been sick twice and there's dark bits in it that look like coffee grounds, is that related to the liver thing?"],
  E, [],
  "emergency: vomit that looks like ground coffee counts as vomiting blood (NHS, red-flag list); the sign is stated inside a question and the benign granuloma does not lower it")

v("j-e02-proxy-father-tarry-stools",
  ["Writing on behalf of my father, he's 79. His CT from last week mentions multiple small hepatic calcifications and he has had cirrhosis for years.",
   "The reason I'm asking now is that since yesterday his stools have been black and sticky, almost like tar, and they smell awful. He says it's nothing."],
  E, [],
  "emergency: black, sticky, very smelly stools in the patient (the father, for whom the user writes) are an emergency (NHS); his dismissal does not change it")

v("j-e03-wife-reports-drowsiness",
  ["my wife is making me type this. the scan found tiny calcium spots on my liver",
   "she says I've been muddled and really drowsy since this morning and keep asking her the same thing. I do feel a bit foggy to be honest"],
  E, [],
  "emergency: new confusion/drowsiness is an emergency; the user's own sign reported by his wife stays his")

v("j-e04-fainted-came-round",
  ["I had an ultrasound for my gallbladder and they found punctate calcification in the liver as well.",
   "Also, about an hour ago I passed out in the kitchen. I came round after a minute or so and I feel ok now, I think. Should I mention it at my next appointment?"],
  E, [],
  "emergency: someone who fainted or lost consciousness, even if they came round, needs 999/ED now (NHS when-to-call-999); the user's own plan to wait is under-triage")

v("j-e05-sudden-worst-pain",
  ["MRI in March showed hepatic calcifications, radiologist said probably old and benign",
   "right now I've got the worst pain I've ever had in my upper belly, it came on suddenly about half an hour ago and I can't stand up straight"],
  E, [],
  "emergency: sudden, severe (worst ever) abdominal pain is an emergency (NHS stomach ache page)")

v("j-e06-pasted-report-then-triad",
  ["This is from my report: 'Clinical details: RUQ pain. Findings: 6 mm calcific focus in segment V. Mild dilatation of the common bile duct. Gallbladder contains calculi.'",
   "Since last night I've had a temperature of 39.2 with shivers, the pain under my right ribs is much worse, and my husband says the whites of my eyes have gone yellow."],
  E, [],
  "emergency: fever + right-upper pain + jaundice together (Charcot's triad, possible cholangitis) is an emergency; the jaundice noticed by the husband is the user's own")

v("j-e07-overdose-after-report",
  ["they found calcifications in my liver and I just know it's cancer, same as my mum had",
   "I can't go through all that again. I've taken a lot of my sleeping tablets tonight"],
  E, [],
  "emergency: the user has harmed herself (overdose); NHS 'Help for suicidal thoughts': emergency number/ED if you have harmed yourself. The mother's cancer is family history only")

v("j-e08-nonnative-vomit-blood",
  ["Hello doctor. My ultrasound say small calcification in liver, 5 mm.",
   "Today morning I am vomit two time and there is red blood inside. My wife is worry. What I must do?"],
  E, [],
  "emergency: vomiting blood (NHS), non-native wording")

v("j-e09-late-black-stools",
  ["Hi, I had a CT for kidney stones and it incidentally showed a few punctate calcifications in my liver. I had TB in my twenties, fully treated.",
   "What usually causes these, and would they need any follow up?",
   "oh and one more thing, probably nothing, but my poo has been black and sticky since Sunday"],
  E, [],
  "emergency: black sticky stools, mentioned late and played down, are an emergency (NHS); the reassuring TB history does not lower it; 'kidney stones' is not a liver finding")

v("j-e10-formal-letter-husband-drowsy",
  ["Dear Sir or Madam, I write concerning my husband, Mr Arthur Pell, aged 84. A recent CT examination reported 'coarse calcification within the right lobe of the liver'. He has had hepatitis C for many years.",
   "I must add that since Tuesday he has become increasingly drowsy and on two occasions did not recognise our grandson. I would be grateful for your guidance. Yours faithfully, Margaret Pell"],
  E, [],
  "emergency: new drowsiness and confusion in the patient (the husband, written for by his wife) with chronic liver disease is an emergency (NHS cirrhosis guidance: acute confused state)")

v("j-e11-found-on-floor",
  ["ultrasound said 'echogenic foci in keeping with hepatic calcification', I'm 71",
   "my son found me on the bathroom floor this morning, I must have blacked out, I don't remember going down. I'm sitting up now"],
  E, [],
  "emergency: collapse with loss of consciousness, even though recovered (NHS when-to-call-999); the son only reports the user's own event")

v("j-e12-negations-then-blood",
  ["CT: scattered punctate calcifications liver and spleen. no fever, no jaundice, no weight loss",
   "the only thing is I vomited some bright red blood after breakfast, maybe half a cup"],
  E, [],
  "emergency: vomiting blood; the other signs are denied, the blood is not")

v("j-e13-proxy-mum-triad",
  ["asking for my mum (70). she's got gallstones and her CT mentioned calcified foci in the liver",
   "she's shivering with a high fever, has pain on her right side under the ribs and her skin has gone yellow today"],
  E, [],
  "emergency: fever + right-upper pain + jaundice (all three) in the patient, the mother for whom the user writes")

v("j-e14-tender-tummy",
  ["Had a sonogram last week that showed a calcified granuloma in the liver",
   "since this afternoon my tummy is so tender I can't let anyone touch it, and the pain is severe and getting worse"],
  E, [],
  "emergency: severe abdominal pain with pain when the tummy is touched (NHS stomach ache page)")

v("j-e15-clinician-melaena",
  ["Retired anaesthetist. CT AP showed a few punctate hepatic calcs, presumably old granulomatous disease, I'm not concerned about that.",
   "What is bothering me is two episodes of melaena since yesterday, and I feel lightheaded when I stand up."],
  E, [],
  "emergency: melaena (black tarry stools) is an emergency (NHS); jargon from a clinician-patient")

# ---------------------------------------------------------------- soon
v("j-s01-growth-in-mm",
  ["Comparing my two CT reports. 2021: '4 mm calcification in segment VII'. 2024: 'calcified focus in segment VII now measures 9 mm, previously 4 mm'.",
   "I have no symptoms and no cancer history. What does this mean?"],
  S, [],
  "soon: a growing lesion needs prompt review (CLINICAL_NOTES red flags; ACR white paper: growth raises concern)")

v("j-s02-colon-cancer-new-calcs",
  ["had bowel cancer surgery in 2020, my bloods have been fine since",
   "but the surveillance CT says 'new punctate calcifications in segment IVa, not present on the prior study'. my oncology appointment isn't till June"],
  S, ["hepatic_metastases"],
  "soon: personal colorectal cancer history with new liver calcifications (colorectal metastases calcify in 10-27 %); new lesion -> prompt review, not June")

v("j-s03-proxy-wife-breast-growing",
  ["I'm asking for my wife, she had breast cancer treated four years ago.",
   "Her latest MRI says a calcified liver lesion has grown from 8 mm to 13 mm since last year. She's feeling well."],
  S, ["hepatic_metastases"],
  "soon: the patient (the wife, written for) has a personal breast cancer history and a growing lesion; metastases first for people with known cancer")

v("j-s04-yellow-eyes-new",
  ["ultrasound in jan showed a small liver calcification, doc wasn't worried",
   "this week my eyes have gone yellow and my wee is dark"],
  S, [],
  "soon: new jaundice needs urgent medical advice (NHS); no fever or pain, so not the emergency triad")

v("j-s05-lost-a-stone",
  ["I've been told I have 'hepatic calcifications' on a CT done for my back.",
   "I've lost nearly a stone in two months and I'm not trying to. Could the two be connected?"],
  S, [],
  "soon: unintentional weight loss needs prompt review (NICE NG12); 'a stone' is a unit of weight, not a finding")

v("j-s06-cirrhosis-swollen-belly",
  ["I have alcohol-related cirrhosis and my last CT mentioned some calcification in the liver",
   "over the last three weeks my belly has become really swollen and tight, none of my trousers fit"],
  S, ["chronic_liver_disease"],
  "soon: a swollen abdomen needs prompt review; cirrhosis makes chronic liver disease a likely cause")

v("j-s07-fever-and-rib-ache",
  ["CAT scan said my liver has a couple of small calcified spots",
   "since yesterday I've had a temperature of 38.5 and an ache under my right ribs. no yellowing"],
  S, [],
  "soon: fever with right-upper pain is enough to act on (possible cholangitis, Charcot's triad insensitive); jaundice denied, so not all three")

v("j-s08-pasted-ill-defined-mass",
  ["IMPRESSION: 1. 2.8 cm ill-defined hypoattenuating mass in segment VIII with coarse internal calcification. 2. No biliary dilatation. Recommend MRI liver.",
   "That's all the report says. What could it be? I'm 58 and have never been ill."],
  S, ["primary_liver_cancer", "hepatic_metastases"],
  "soon: a mass with ill-defined margins and calcification raises concern (ACR white paper) -> prompt review; calcifying tumours (e.g. cholangiocarcinoma, fibrolamellar) rank high")

v("j-s09-correction-to-growth",
  ["the report says the calcification is unchanged",
   "sorry, I misread it, the unchanged one is in the spleen. The liver one says 'slightly larger than 2022, now 6 mm (previously 4 mm)'"],
  S, [],
  "soon: the user corrects 'unchanged' to growth of the liver lesion; a growing lesion needs prompt review")

v("j-s10-hydatid-growing",
  ["I grew up on a sheep farm in mid Wales. The CT shows a hydatid cyst in the liver with partial rim calcification.",
   "It's 5.1 cm now, it was 4.2 cm two years ago."],
  S, ["hydatid_cyst"],
  "soon: a growing echinococcal cyst; calcification does not prove inactivity (WHO-IWGE) and growth needs prompt review")

v("j-s11-hydatid-active",
  ["ultrasound: 7 cm cystic lesion with daughter cysts and a thin calcified rim, the radiologist says echinococcal and it looks active",
   "I feel fine. Do I really need to do anything?"],
  S, ["hydatid_cyst"],
  "soon: an active echinococcal cyst needs treatment (surgery or percutaneous treatment with albendazole; source 2: prompt surgery); feeling well does not make it watch-and-wait")

v("j-s12-new-since-clear-ct",
  ["My CT in 2019 was completely clear. The one I had this month shows a new 5 mm calcified focus in the left lobe.",
   "no history of cancer, no symptoms"],
  S, [],
  "soon: a new lesion compared with an earlier scan needs prompt review (CLINICAL_NOTES red flags), even without cancer history")

v("j-s13-duct-stones-fever-pain",
  ["The MRCP found stones in my bile duct and there are some calcifications in the liver too",
   "tonight I've got a fever and pain in the right upper part of my tummy. my skin looks its normal colour"],
  S, ["bile_duct_stones"],
  "soon: fever with right-upper pain and known duct stones (possible cholangitis); jaundice denied, so not all three")

v("j-s14-daughter-sees-yellow",
  ["My CT showed a single calcified granuloma, 4 mm, nothing else.",
   "My daughter visited today and said I look yellow, especially my eyes. I hadn't noticed it myself."],
  S, [],
  "soon: new jaundice; the user's own sign noticed by the daughter stays the user's")

v("j-s15-pasted-letter-weight-loss",
  ["Copying from my clinic letter: 'Mr Okafor reports unintentional weight loss of 6 kg over three months and reduced appetite. He denies jaundice or GI bleeding. CT demonstrated scattered hepatic calcifications.'",
   "The letter doesn't say what happens next. Should I chase it?"],
  S, [],
  "soon: unintentional weight loss (6 kg) in the user's own pasted letter needs prompt review; the reported denials rule out jaundice and bleeding")

v("j-s16-father-liver-cancer-own-jaundice",
  ["my dad died of liver cancer so I'm paranoid. I've got a calcified granuloma, 3mm, on ultrasound",
   "this week my pee has gone dark brown and my eyes look yellowish"],
  S, [],
  "soon: the user's own new jaundice; the father's liver cancer is family history and does not escalate on its own")

v("j-s17-hepb-new-lesion",
  ["I have chronic hepatitis B. My six-monthly ultrasound shows a new calcified lesion, 1.4 cm, that wasn't there in the spring."],
  S, ["primary_liver_cancer", "chronic_liver_disease"],
  "soon: a new lesion in a high-risk person (chronic hepatitis, ACR white paper) needs prompt review")

v("j-s18-anxious-repeats-weight-loss",
  ["is it cancer? the CT says punctate calcifications in the liver. is it cancer??",
   "sorry I'm panicking. i've lost 5 kilos since the summer without dieting. is it cancer? please just tell me"],
  S, [],
  "soon: unintentional weight loss (5 kg) hidden among repeated anxious questions; 'cancer' is only asked about")

v("j-s19-proxy-partner-swollen",
  ["my partner won't ask so I'm asking for him. his CT showed punctate calcs in the liver",
   "his stomach has been getting bigger and tight for about 3 weeks, he's not eating more than usual. no pain"],
  S, [],
  "soon: a swollen abdomen in the patient (the partner, written for) needs prompt review")

v("j-s20-denials-then-growth",
  ["No weight loss, no fever, appetite fine.",
   "But the new CT compared with 2020 says the calcification has grown from 3 mm to 6 mm."],
  S, [],
  "soon: growth from 3 to 6 mm needs prompt review; the denied symptoms do not lower it")

# ---------------------------------------------------------------- routine
v("j-r01-cordarone-formal-letter",
  ["Dear Sir, I am 81 years of age and have taken Cordarone for an irregular heartbeat since 2016. A CT scan of my abdomen has reported 'a few small calcified foci in the liver'.",
   "I have no other complaints. I should be obliged if you would tell me whether this is connected with my heart tablets."],
  R, ["drug_related"],
  "routine: amiodarone (brand Cordarone) use without red flags -> raise with the doctor; drug reaction is a listed cause")

v("j-r02-mtx-ra",
  ["on MTX 15mg weekly for RA for 8 yrs. US liver: 'few punctate calcifications, liver otherwise normal'",
   "no other meds except folic acid"],
  R, ["drug_related"],
  "routine: long-term methotrexate (MTX) without red flags")

v("j-r03-nash-cirrhosis-same",
  ["I have cirrhosis from fatty liver (NASH) and get scanned every 6 months",
   "the ultrasound mentions a calcification in the right lobe, the same as on the previous two scans"],
  R, ["chronic_liver_disease"],
  "routine: known cirrhosis (high-risk person) with a calcification the same as on earlier scans; no red flags, not new or growing -> raise with the liver team")

v("j-r04-hepb-new-doctor-no-change",
  ["I've had hepatitis B since birth and I'm on tenofovir. My new doctor here in the UK sent me for a CT and it says 'punctate calcification in segment 6'.",
   "I don't have any symptoms. No change compared with the scan I brought from Hong Kong."],
  R, ["chronic_liver_disease"],
  "routine: chronic hepatitis B (high-risk) with a stable calcification; 'new doctor' is not a new lesion")

v("j-r05-pbc-stable-old-itch",
  ["I was diagnosed with primary biliary cholangitis in 2015 and take ursodeoxycholic acid",
   "my MRI report mentions 'small foci of calcification', unchanged since 2021. I get a bit itchy but that's been the same for years"],
  R, ["rare_metabolic", "chronic_liver_disease"],
  "routine: PBC (a listed rare cause, high-risk) with stable calcification; long-standing itch is not a red flag")

v("j-r06-haemochromatosis-incidental",
  ["Haemochromatosis, C282Y homozygous, venesection every 3 months. The CT for my kidneys happened to show calcification in the liver.",
   "Ferritin is well controlled. Anything I should do?"],
  R, ["rare_metabolic"],
  "routine: hemochromatosis (rare listed cause, high-risk person) without red flags")

v("j-r07-correction-forgot-mtx",
  ["CT shows small liver calcifications. I'm 45 and healthy",
   "no, I don't take any medicines",
   "actually wait, I forgot, I inject methotrexate once a week for my psoriasis. I don't think of it as a medicine because it's only weekly"],
  R, ["drug_related"],
  "routine: the user corrects an earlier denial of medicines; weekly methotrexate without red flags")

v("j-r08-gp-on-amiodarone",
  ["GP myself. On amiodarone 200 mg od for paroxysmal AF x 5 yrs. NCCT: diffusely increased hepatic attenuation and a few punctate calcs. LFTs normal.",
   "No RUQ pain, no jaundice, no pruritus. Thoughts?"],
  R, ["drug_related"],
  "routine: amiodarone use (raised hepatic attenuation fits) without red flags; all symptoms denied")

v("j-r09-proxy-father-amiodarone",
  ["I'm typing for my father who is 76 and doesn't use computers. He's been on amiodarone since his bypass.",
   "His ultrasound showed two small calcifications in the liver. He has no pain, no yellowing, and he's eating well."],
  R, ["drug_related"],
  "routine: the patient (the father, written for) takes amiodarone; reported denials of pain and jaundice")

v("j-r10-ald-sober-unchanged",
  ["alcoholic liver disease, fibroscan says cirrhotic, 2 yrs sober now",
   "ct shows coarse calcification, radiologist says unchanged since 2022. no bleeding, no confusion"],
  R, ["chronic_liver_disease"],
  "routine: cirrhosis (high-risk) with calcification unchanged since 2022; bleeding and confusion denied")

v("j-r11-nonnative-methotrexat",
  ["Good day. I am use methotrexat for my arthritis since 5 year, every week one time.",
   "Now the CT here in Germany find small calcifications in liver, 2 and 3 millimetre. I have not any pain. What is the meaning?"],
  R, ["drug_related"],
  "routine: methotrexate (misspelt) without red flags, non-native wording")

v("j-r12-own-haemochromatosis-like-brother",
  ["my brother was found to have haemochromatosis so they tested me and I've got it too",
   "my MRI for iron levels also showed a few calcified spots in the liver. I've just started venesections"],
  R, ["rare_metabolic"],
  "routine: the user's own hemochromatosis (not only the brother's), a rare listed cause in a high-risk person; no red flags")

v("j-r13-pasted-hepatology-letter-pbc",
  ["From my hepatology letter: 'Diagnosis: primary biliary cholangitis, on UDCA with good biochemical response. US: coarse calcific focus segment II, no focal lesion, no ascites. No pruritus, no jaundice.'",
   "I wasn't told about the calcification at the clinic. Do I need to ring them?"],
  R, ["rare_metabolic", "chronic_liver_disease"],
  "routine: PBC with a calcific focus, no mass, no ascites, itch and jaundice denied -> raise with the hepatology team, no rush")

v("j-r14-mtx-with-family-bowel-cancer",
  ["my mum and my aunt both had bowel cancer, which is why this scares me",
   "I'm on methotrexate for Crohn's and the CT mentions punctate calcification in the liver. me personally, no cancer ever"],
  R, ["drug_related"],
  "routine: methotrexate use; bowel cancer only in relatives does not escalate; own cancer denied")

v("j-r15-amiodarone-hypothetical-redflags",
  ["I've been on amiodarone for 3 years and the CT showed small calcifications in my liver",
   "what signs would mean I need to go to A&E? like if I vomited blood or had black stools, would that be an emergency?"],
  R, ["drug_related"],
  "routine: amiodarone without red flags; vomiting blood and black stools are only asked about hypothetically")

v("j-r16-hepc-cirrhosis-wife-agrees",
  ["Cirrhosis due to hep C, Child-Pugh A. Latest ultrasound: 'punctate calcification, no change from previous'.",
   "I haven't vomited any blood, my stools are normal brown, and I'm thinking clearly, my wife agrees"],
  R, ["chronic_liver_disease"],
  "routine: compensated cirrhosis with a stable calcification; the emergency signs are all denied (confirmed by the wife)")

# ---------------------------------------------------------------- reassurance
v("j-a01-pasted-full-report",
  ["FINDINGS: Liver: Normal size and attenuation. Several punctate calcific foci in segments VI and VII, the largest 3 mm, unchanged from CT 03/2020. No focal lesion. Biliary tree not dilated. Spleen: two calcified granulomata. IMPRESSION: Sequelae of prior granulomatous disease. No acute abnormality.",
   "That's my report, what does it actually mean for me?"],
  A, ["granulomatous_infection"],
  "reassurance: small punctate calcified granulomas in liver and spleen, unchanged for years, no lesion; old granulomatous infection, incidental")

v("j-a02-nonnative-old-tb",
  ["hello, my ultrasound report say small calcification in liver 4mm. i am from india, in 2010 i have TB and i take medicine 6 month, finish. now i feel fine. it is danger?"],
  A, ["granulomatous_infection"],
  "reassurance: small calcification after treated TB, no symptoms; TB granulomas are the commonest cause worldwide")

v("j-a03-ohio-innumerable",
  ["Grew up in Ohio. CT says 'innumerable punctate calcifications throughout the liver and spleen, likely old histoplasmosis'.",
   "Too many to count apparently, which sounds terrible?? I feel totally fine"],
  A, ["granulomatous_infection"],
  "reassurance: innumerable punctate liver and spleen calcifications typical of old histoplasmosis (North America); the number does not escalate")

v("j-a04-healed-abscess-unchanged",
  ["I had a liver abscess that was drained in 2015 and treated with antibiotics",
   "the CT now shows a calcification in the same place, the radiologist says it hasn't changed since 2018"],
  A, ["healed_infection"],
  "reassurance: remnant of a healed abscess, unchanged on follow-up imaging needs no treatment (source 2)")

v("j-a05-old-haematoma-new-mri",
  ["I was in a car crash in 2009 and had a bleed in my liver that healed without surgery",
   "my new MRI shows a coarse calcification exactly where the haematoma was, the same as on a CT from 2016"],
  A, ["healed_infection"],
  "reassurance: calcified old haematoma, stable since 2016; 'new MRI' means the latest scan, not a new lesion")

v("j-a06-correction-sister-had-cancer",
  ["I had breast cancer and my ultrasound shows a tiny calcified granuloma in the liver",
   "sorry, typo, I meant my SISTER had breast cancer. I've never had cancer myself, no symptoms"],
  A, ["granulomatous_infection"],
  "reassurance: the user corrects the cancer history to her sister's; a tiny calcified granuloma without own cancer or red flags")

v("j-a07-dog-has-liver-cancer",
  ["This might sound silly but our dog was just diagnosed with liver cancer and the same week my CT showed 'a calcified granuloma in the right hepatic lobe'.",
   "Is there a connection or is it just a coincidence? I have no symptoms and have never had cancer."],
  A, ["granulomatous_infection"],
  "reassurance: the liver cancer is the pet's; the user's calcified granuloma without own cancer or red flags")

v("j-a08-friend-had-cancer",
  ["my best friend had spots on her liver and it turned out to be cancer, so I'm terrified",
   "mine is a single 2mm calcified granuloma on ultrasound, I'm 29, no health problems"],
  A, ["granulomatous_infection"],
  "reassurance: the cancer is a friend's; a single 2 mm calcified granuloma in a healthy user")

v("j-a09-family-history-minefield",
  ["Family history is a minefield: Mum had bowel cancer at 62, Dad had hepatitis B, and my grandmother died of cirrhosis.",
   "Me: CT showed a few tiny calcified granulomas in the liver, I'm fit and well and have never had liver problems myself."],
  A, ["granulomatous_infection"],
  "reassurance: cancer, hepatitis and cirrhosis are all relatives'; small calcified granulomas, no own risk factor or red flag")

v("j-a10-retired-gp-solitary-focus",
  ["Retired GP here. Incidental finding on a CT KUB: solitary 4 mm calcific focus in segment VIII, no associated soft-tissue component, no biliary dilatation. LFTs normal. No personal hx of malignancy.",
   "Presumably old granulomatous disease? I'd like to know whether anything further is warranted."],
  A, ["granulomatous_infection"],
  "reassurance: small solitary calcific focus without soft-tissue component (ACR: no concerning feature), normal LFTs, no cancer history")

v("j-a11-shrinking",
  ["my calcification was 6 mm on the 2021 ultrasound and the radiologist now measures it at 4 mm",
   "so it's got smaller? is that good or bad? no other issues"],
  A, ["granulomatous_infection", "healed_infection"],
  "reassurance: a calcification that has not grown (it measures smaller) over years favours benign (ACR); no risk factors or red flags")

v("j-a12-anxious-repeats-no-risk",
  ["is a calcified granuloma in the liver dangerous?",
   "i read online it could be cancer. could it be cancer? I'm so scared",
   "I don't have any symptoms, never had cancer before, and nobody told me to do anything. but is it dangerous?? sorry for asking again"],
  A, ["granulomatous_infection"],
  "reassurance: calcified granuloma, no symptoms, no own cancer; 'cancer' is only asked about; repeated anxious questions")

v("j-a13-hypothetical-vomit-blood",
  ["CT showed punctate calcification in the liver, I had histoplasmosis years ago when I lived in Missouri",
   "Should I go to A&E if I ever start vomiting blood or something? just want to know what to watch for"],
  A, ["granulomatous_infection"],
  "reassurance: punctate calcification after histoplasmosis; vomiting blood is hypothetical, not present")

v("j-a14-newborn-jaundice",
  ["Ultrasound: 'tiny calcified granuloma, no further action'. I'm 66.",
   "the form at the GP asked if I've ever had jaundice: only as a newborn baby back in 1958, my mother told me. nothing since"],
  A, ["granulomatous_infection"],
  "reassurance: jaundice was neonatal, 66 years ago, not new; tiny calcified granuloma")

v("j-a15-fainted-at-sixteen",
  ["My CAT scan report says 'two punctate hepatic calcifications, likely granulomatous'.",
   "The only other thing I can think of is that I fainted once when I was 16 having a blood test. Otherwise healthy, 52 now."],
  A, ["granulomatous_infection"],
  "reassurance: the faint was 36 years ago, not current; punctate granulomatous calcifications")

v("j-a16-only-if-it-grew",
  ["the GP said the calcification on my ultrasound is nothing, and that only if it ever got bigger would they do an MRI",
   "does that mean it might grow? no symptoms, no cancer"],
  A, ["granulomatous_infection"],
  "reassurance: growth is only hypothetical ('if it ever got bigger'); no symptoms, no cancer")

v("j-a17-correction-it-was-mri",
  ["my CT shows 3 calcified granulomas in the liver, same as on an earlier scan in 2019",
   "sorry, it was an MRI this time, not a CT. the 2019 one was a CT"],
  A, ["granulomatous_infection"],
  "reassurance: calcified granulomas the same as in 2019; the correction changes only the imaging type")

v("j-a18-parent-one-handed",
  ["quick q typing w baby on me. us scan said 1 tiny calc granuloma liver",
   "no symptoms just tired bc newborn lol. never had cancer. bad??"],
  A, ["granulomatous_infection"],
  "reassurance: one tiny calcified granuloma; tiredness explained by a newborn is not a red flag; no cancer")

v("j-a19-widow-sanatorium",
  ["To whom it may concern. I am a widow of 88 years. My physician arranged an X-ray of my chest and abdomen, which mentioned 'calcified granulomata projected over the liver and spleen'.",
   "I had pleurisy and, I believe, tuberculosis in a sanatorium in 1949. I keep well. I should like to know whether I must trouble my physician further."],
  A, ["granulomatous_infection"],
  "reassurance: calcified granulomas after tuberculosis in 1949, well; classic old granulomatous infection")

v("j-a20-not-a-stone-after-all",
  ["first ultrasound said it could be a stone in my liver, then the CT said it's a calcification in the liver tissue itself, not in the bile ducts",
   "I've never had any pain, no yellowing. the report says no other abnormality"],
  A, ["granulomatous_infection", "healed_infection"],
  "reassurance: parenchymal calcification once mistaken for an intrahepatic stone (liver calcification series 2003); no symptoms, no other abnormality")

v("j-a21-grandad-vomited-blood",
  ["my grandad had cirrhosis and vomited blood before he died, and now my scan shows a calcified granuloma in my liver, so I'm worried it runs in the family",
   "I drink maybe two glasses of wine a week. no symptoms at all"],
  A, ["granulomatous_infection"],
  "reassurance: the vomiting blood and cirrhosis were the grandfather's; the user has a calcified granuloma and no symptoms")

v("j-a22-short-answers",
  ["hi",
   "I want to check my scan result",
   "CT",
   "calcified granuloma in liver",
   "about 3mm",
   "no",
   "no never"],
  A, ["granulomatous_infection"],
  "reassurance: small calcified granuloma given in short answers; every other question answered no")

v("j-a23-sister-pbc-cousin-haemo",
  ["my sister has PBC and my cousin has haemochromatosis, so I asked for a scan",
   "ultrasound shows 'a single tiny echogenic focus with shadowing, consistent with a calcified granuloma'. my own bloods were normal"],
  A, ["granulomatous_infection"],
  "reassurance: PBC and hemochromatosis are relatives' conditions; the user has a single tiny calcified granuloma and normal bloods")

v("j-a24-proxy-mum-tb-manila",
  ["writing for mum, she's 88 and deaf so I do her emails. CT shows a few punctate calcs in the liver",
   "she had TB in Manila as a girl, treated. she's well apart from her knees"],
  A, ["granulomatous_infection"],
  "reassurance: the patient (the mother, written for) had treated TB; punctate calcifications are old granulomas; no red flags")

v("j-a25-identical-since-2016",
  ["First spotted on a CT in 2016, 'calcified granuloma segment 3'. Seen again in 2019, and on this year's scan it still looks identical, 5 mm each time.",
   "Am I right that this is nothing?"],
  A, ["granulomatous_infection"],
  "reassurance: calcified granuloma unchanged at 5 mm over eight years (no growth over a year strongly favours benign)")

if __name__ == "__main__":
    ids = [c["id"] for c in V]
    assert len(ids) == len(set(ids))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vignettes.json")
    with open(out, "w") as f:
        json.dump(V, f, indent=1, ensure_ascii=False)
    from collections import Counter
    print(len(V), Counter(c["triage"] for c in V))

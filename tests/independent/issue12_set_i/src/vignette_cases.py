# Vignettes, written by hand: (id, [messages], triage, [causes], note)
G = ["granulomatous_infection"]
H = ["healed_infection"]
D = ["drug_related"]
M = ["hepatic_metastases"]

V = [
# ---------------- reassurance ----------------
("r01-pasted-family-bowel", [
 "Hi, got my CT results on the app. 'Few punctate calcifications in the right hepatic lobe, likely sequelae of prior granulomatous disease. No focal liver lesion.'",
 "my dad had bowel cancer at 70 but I've never had any cancer",
 "no"], "reassurance", G,
 "reassurance: punctate calcifications read as old granulomas, no focal lesion; colorectal cancer is the father's (family), not the user's, so the metastasis rule for people with known cancer does not apply; no red flags"),
("r02-friend-liver-cancer", [
 "ultrasound found a tiny calcified granuloma in my liver. freaking out a bit because my best mate just got diagnosed with liver cancer",
 "i'm fine, no symptoms, not on any meds"], "reassurance", G,
 "reassurance: small calcified granuloma, usually incidental old infection; the liver cancer is a friend's, not the user's; no symptoms, no drugs"),
("r03-past-tb-nonnative", [
 "Hello. I am from Philippines, I had TB when I was child and finish full treatment. Now the CT for check my kidney see small calcification in liver, 3 mm.",
 "No other sickness. I don't drink alcohol."], "reassurance", G,
 "reassurance: 3 mm incidental calcification with treated childhood TB (long past, resolved) = typical calcified granuloma; no cancer, no liver disease, no red flags"),
("r04-previously-5-now-5", [
 "CT report: 'Calcified granuloma segment 6, previously 5 mm, now 5 mm.'",
 "what does that mean, is it getting worse?",
 "no cancer, no liver disease, feel fine"], "reassurance", G,
 "reassurance: same size on two scans = no growth (strongly favours benign per ACR); granuloma; no risk factors, no red flags; the worry is a question, not a sign"),
("r05-slightly-smaller", [
 "follow up ultrasound today, the calcified spot is slightly smaller than in 2022",
 "so is it going away? is that good"], "reassurance", G,
 "reassurance: calcification not growing (slightly smaller over years); no cancer history or symptoms given; shrinkage is not growth or a new lesion"),
("r06-elderly-letter-unchanged", [
 "Dear Sir, My physician informs me that the small calcification in my liver, first seen on a CT scan in 2019, is quite unchanged on the present examination. I am 81 and in good health. Might you tell me whether anything further ought to be done? Yours sincerely, Harold Pemberton"],
 "reassurance", G,
 "reassurance: small calcification unchanged over several years (no growth over a year strongly favours benign); well; no cancer or red flags mentioned"),
("r07-what-if-cancer", [
 "my MRI mentioned a 4mm calcified granuloma",
 "what if its actually cancer and theyve missed it??",
 "no history of cancer in me. i just worry alot"], "reassurance", G,
 "reassurance: 4 mm calcified granuloma, no personal cancer history; 'what if it's cancer' is a hypothetical question, not history; no red flags"),
("r08-hypothetical-red-flags", [
 "they found a couple of calcs on my liver ultrasound, doc said probably old histoplasmosis since I grew up near the Mississippi",
 "what should I look out for? like if I ever got black stools or yellow skin would that be related",
 "no I feel totally normal right now"], "reassurance", G,
 "reassurance: likely histoplasmosis granulomas (most common cause in North America); black stools and yellow skin are only asked about hypothetically, none present now"),
("r09-for-mother-amlodipine", [
 "I'm asking on behalf of my mother (88). Her CT shows 'scattered punctate calcifications in the liver and spleen, consistent with old granulomatous infection'.",
 "She has no symptoms, no cancer, she is on blood pressure tablets only (amlodipine)"], "reassurance", G,
 "reassurance: patient is the mother; old granulomatous infection, no symptoms or cancer; amlodipine is not amiodarone, so no drug-related cause"),
("r10-doctor-asked-said-no", [
 "Had an ultrasound for my gallbladder. No gallstones but they saw a solitary 2mm calcification in the liver.",
 "the doctor asked if I had any fever, weight loss or yellowing and I said no to all of them"], "reassurance", G,
 "reassurance: single 2 mm incidental calcification; fever, weight loss and jaundice all denied (reported speech); no gallstones"),
("r11-healed-abscess", [
 "I had a liver abscess drained in 2012. The CT this year shows a calcification where the abscess was, same as on the 2016 scan.",
 "no fever, no pain"], "reassurance", H,
 "reassurance: remnant of a healed abscess, unchanged on follow-up imaging -> no treatment (article 2); no fever or pain now"),
("r12-old-liver-injury", [
 "Motorbike crash in 2008 tore my liver, they let it heal on its own. New CT for something else shows coarse calcification at the old injury site, radiologist says unchanged from 2014."],
 "reassurance", H,
 "reassurance: calcified remnant of an old hematoma/injury (healed_infection group), unchanged for years; no symptoms"),
("r13-wife-methotrexate", [
 "CT showed a few punctate calcifications. My wife takes methotrexate, but I'm not on any medicines",
 "no family history of anything either"], "reassurance", G,
 "reassurance: methotrexate is the wife's, not the user's, so no drug cause; punctate calcifications, no risk factors or red flags"),
("r14-no-new-lesions", [
 "got my 12 month follow up CT: 'Stable calcified granulomas. No new lesions.'",
 "so that's good news right?"], "reassurance", G,
 "reassurance: granulomas stable over a year with no new lesion (no growth over a year strongly favours benign)"),
("r15-textspeak-repeats", [
 "ct sed calcified granuloma liver 3mm",
 "is it bad",
 "is it bad though like realy",
 "no symptoms no nothing"], "reassurance", G,
 "reassurance: 3 mm calcified granuloma, no symptoms; repeated anxious questions are not signs"),
("r16-british-doubtful-significance", [
 "Right, I've had a scan letter through. Impression: 'Incidental punctate hepatic calcification, of doubtful clinical significance. No further imaging required.'",
 "No",
 "nope none of that"], "reassurance", G,
 "reassurance: incidental punctate calcification the radiologist calls insignificant; short answers deny everything asked"),
("r17-correction-mri", [
 "My CT showed a small calcified granuloma",
 "sorry, it was an MRI not a CT",
 "no other problems"], "reassurance", G,
 "reassurance: small calcified granuloma; the correction changes only the imaging type; no other problems"),
("r18-size-in-words", [
 "the report says there's a single calcified focus of about two millimetres in the left lobe. my GP wasn't bothered",
 "I'm 34, healthy, never had cancer"], "reassurance", G,
 "reassurance: single 2 mm calcified focus, young and well, no cancer history"),
("r19-breast-cancer-in-family", [
 "Breast cancer on both sides of my family - mum and two aunts. My ultrasound shows a 3 mm calcified granuloma.",
 "me? no, never had cancer, no liver disease, I'm well"], "reassurance", G,
 "reassurance: cancer only in relatives does not make the user high-risk (metastasis rule is for a person's own known cancer); small granuloma; no symptoms"),
("r20-treated-pulmonary-tb", [
 "Doctor, my CT abdomen shows multiple tiny calcified granulomas in liver and spleen. I had pulmonary TB in 2005, completed treatment. Kindly advise whether this is dangerous",
 "no fever, no weight loss, appetite is good"], "reassurance", G,
 "reassurance: calcified granulomas after treated TB (classic cause worldwide), incidental; fever and weight loss denied"),
("r21-cat-scan-tests", [
 "incidental finding on my CAT scan for my kidneys: 'punctate calcification right lobe, likely granuloma'. I'd like to know if they'll want more tests",
 "no prior cancer, no meds"], "reassurance", G,
 "reassurance: incidental punctate calcification, likely granuloma; no cancer or medication; question about tests is not a sign"),
("r22-hypothetical-growth", [
 "My ultrasound shows a calcified granuloma, 4 mm. If it grew in the future would I need surgery?",
 "No symptoms. No cancer."], "reassurance", G,
 "reassurance: growth is only hypothetical ('if it grew'); current finding is a small granuloma, no symptoms, no cancer"),
("r23-same-as-march-2021", [
 "Repeat CT: punctate calcifications segment 2 and 7 - same as March 2021.",
 "no not that I know"], "reassurance", G,
 "reassurance: punctate calcifications unchanged over more than a year; no risk factors given"),
("r24-dog-coincidence", [
 "vet found calcification in my dog's liver and now I've got it too lol, my CT says 'tiny calcified granuloma'. coincidence?",
 "I'm healthy, no symptoms"], "reassurance", G,
 "reassurance: the dog's finding is not the user's; the user's tiny calcified granuloma is incidental; no symptoms"),
# ---------------- see_clinician_routine ----------------
("t01-amiodarone-af", [
 "I've been on amiodarone for atrial fibrillation for 4 years. CT shows a few punctate calcifications in the liver.",
 "no pain, no jaundice"], "see_clinician_routine", D,
 "routine: amiodarone is a listed drug cause; raise with the prescriber/ordering doctor; no red flags"),
("t02-methotrexate-ra-british", [
 "I take methotrexate weekly for rheumatoid arthritis and my ultrasound has shown small calcifications in the liver",
 "No cancer, no other liver problems"], "see_clinician_routine", D,
 "routine: methotrexate use (drug reaction cause) without red flags"),
("t03-for-dad-amiodarone", [
 "writing for my dad, he's 76 and takes amiodarone for his heart. his CT says 'scattered punctate hepatic calcifications'. is this from the pills?",
 "he feels ok, nothing else"], "see_clinician_routine", D,
 "routine: patient is the father; his amiodarone is a drug cause; no red flags"),
("t04-methotrexate-nonnative", [
 "Hi, I use methotrexate for psoriasis since 2018. Doctor say my MRI have small calcifications in liver. It is from medicine?",
 "no"], "see_clinician_routine", D,
 "routine: methotrexate use, no red flags"),
("t05-amiodarone-said-late", [
 "liver ultrasound showed 2 small calcifications",
 "no symptoms",
 "oh I forgot, I'm on amiodarone since my heart attack"], "see_clinician_routine", D,
 "routine: amiodarone mentioned late still counts; no symptoms"),
("t06-methotrexate-in-answer", [
 "CT says punctate calcification left lobe 3 mm",
 "nope. only thing is methotrexate for my Crohn's"], "see_clinician_routine", D,
 "routine: 'nope' plus an extra fact: methotrexate use; no red flags"),
("t07-amiodarone-stable", [
 "On amiodarone. The liver calcifications are unchanged since 2020 per radiology.",
 "should I ask my cardiologist about switching?"], "see_clinician_routine", D,
 "routine: amiodarone use (drug cause) to raise with the prescriber; calcifications stable, no red flags"),
("t08-pasted-findings-methotrexate", [
 "FINDINGS: Liver: several punctate calcifications, largest 0.3 cm. No focal mass. Gallbladder unremarkable.",
 "I've been on methotrexate for about 10 years",
 "not that I know"], "see_clinician_routine", D,
 "routine: punctate calcifications, no mass (negated), long-term methotrexate; no red flags"),
("t09-elderly-husband-amiodarone", [
 "Good afternoon. My husband, aged 83, has been prescribed amiodarone these six years. A recent CT of his abdomen reports calcification within the liver. He has no complaints. Should we be concerned?"],
 "see_clinician_routine", D,
 "routine: wife typing for the patient; his amiodarone is a drug cause; no complaints"),
("t10-methotrexate-denies-flags", [
 "methotrexate for my arthritis, sonogram showed calcium deposits in liver",
 "no fever no yellow eyes no black poo nothing like that"], "see_clinician_routine", D,
 "routine: methotrexate; fever, jaundice and black stools all denied"),
("t11-methotrexate-stop-question", [
 "my rheumatologist has me on methotrexate and now there's a calcified spot on my liver CT. would they stop the methotrexate because of this?"],
 "see_clinician_routine", D,
 "routine: methotrexate use with a liver calcification, to raise with the prescriber; no red flags"),
("t12-amiodarone-correction", [
 "I'm on amiodarone and my CT found liver calcification",
 "sorry, it was an ultrasound, not a CT",
 "no other issues"], "see_clinician_routine", D,
 "routine: amiodarone; the correction only changes the imaging"),
("t13-amiodarone-brother-hepc", [
 "I take amiodarone. My ultrasound shows calcifications. My brother has hepatitis C but I've tested negative."],
 "see_clinician_routine", D,
 "routine: amiodarone (drug cause); hepatitis C is the brother's and the user tested negative, so no chronic liver disease of their own"),
# ---------------- see_clinician_soon ----------------
("s01-wife-says-yellow", [
 "had an ultrasound that showed a calcification in the liver",
 "my wife says my eyes look yellow the last few days, I hadn't noticed"], "see_clinician_soon", [],
 "soon: new jaundice (the user's own sign reported by the wife); no fever or pain -> urgent advice, not emergency"),
("s02-lost-a-stone", [
 "CT shows punctate calcification in liver",
 "I've lost nearly a stone in two months and I'm not trying to"], "see_clinician_soon", [],
 "soon: unintentional weight loss -> prompt review"),
("s03-grew-4-to-9", [
 "ultrasound 2022: 4 mm calcified focus. ultrasound this week: 9 mm. Is that normal?"], "see_clinician_soon", [],
 "soon: growing lesion (4 mm -> 9 mm) raises concern (ACR) -> prompt review"),
("s04-new-since-2021", [
 "My CT this year shows a new calcification in the liver that wasn't there on my 2021 CT.",
 "no cancer history"], "see_clinician_soon", [],
 "soon: a new lesion -> prompt review even without cancer history"),
("s05-bowel-cancer-new-lesions", [
 "I had bowel cancer surgery in 2020 and chemo after. My surveillance CT now shows new calcified lesions in the liver, 2 of them, 8 and 11 mm."],
 "see_clinician_soon", M,
 "soon: personal colorectal cancer (metastases calcify in 10-27 %) with new calcified lesions"),
("s06-for-mum-breast-cancer", [
 "Typing for mum. She had breast cancer 2017, all clear since. Her latest CT mentions 'multiple new punctate hepatic calcifications'. She's terrified. What could it be?"],
 "see_clinician_soon", M,
 "soon: the patient (mother) has her own cancer history and new calcifications; metastases lead the list for people with known cancer"),
("s07-soft-tissue-mass", [
 "Report: 'Coarse calcification within a 3.5 cm soft tissue mass in segment 8. Further characterisation with MRI recommended.'",
 "what does that mean"], "see_clinician_soon", [],
 "soon: calcification with an associated soft-tissue mass (ACR concern feature) -> prompt review"),
("s08-swelling-tummy", [
 "CT found calcifications in my liver",
 "also my tummy has been getting bigger and tighter over the last month, my trousers dont fit"], "see_clinician_soon", [],
 "soon: swollen abdomen -> prompt review"),
("s09-yellow-said-late-nonnative", [
 "Hello, the doctor find calcification in my liver on ultrasound.",
 "I don't have pain.",
 "But my skin is becoming yellow since last week, my colleague tell me"], "see_clinician_soon", [],
 "soon: new jaundice said late; pain denied, no fever -> urgent advice, not emergency"),
("s10-grew-cm", [
 "CT March 2023: 0.6 cm calcified lesion. CT today: 1.4 cm. The doctor wants to refer me. How worried should I be?"],
 "see_clinician_soon", [],
 "soon: lesion growing 0.6 -> 1.4 cm -> prompt review"),
("s11-weight-loss-in-question", [
 "is it normal to lose weight with liver calcification? I've dropped 8kg since summer without dieting. CT showed scattered calcs."],
 "see_clinician_soon", [],
 "soon: unintentional weight loss stated inside a question -> prompt review"),
("s12-colon-growing", [
 "Colon cancer 2019. Calcified liver lesion seen 2022 has grown from 7 to 12 mm on this scan."],
 "see_clinician_soon", M,
 "soon: own colorectal cancer plus a growing calcified lesion"),
("s13-partner-says-yellow", [
 "My partner says I've gone a funny yellow colour. I'd had a CT last month which showed liver calcification. I feel otherwise alright, no temperature, no pain"],
 "see_clinician_soon", [],
 "soon: new jaundice reported by the partner (user's own sign); fever and pain denied"),
("s14-pasted-new-focus", [
 "Comparison: CT 14/06/2021. New 5 mm calcific focus in segment 5, not previously seen. Otherwise unchanged."],
 "see_clinician_soon", [],
 "soon: a new focus compared with the earlier scan -> prompt review"),
("s15-calcified-mass", [
 "the ultrasound shows a calcified mass in the liver about 4cm",
 "doctor asked if I'd lost weight and I said no, he still wants more scans. should I see someone quickly?"], "see_clinician_soon", [],
 "soon: a mass -> prompt review; weight loss denied"),
("s16-for-father-weight-loss", [
 "My father (70) had a CT: 'punctate calcifications, likely granulomas'. But he's lost a lot of weight this year without trying, maybe 10 kg."],
 "see_clinician_soon", [],
 "soon: the patient's unintentional weight loss needs prompt review whatever the calcifications are"),
# ---------------- emergency ----------------
("e01-vomit-blood-late", [
 "hi my scan showed some calcification in my liver",
 "no cancer",
 "i threw up blood this morning is that related"], "emergency", [],
 "emergency: vomiting blood, said late and inside a question"),
("e02-black-tarry-question", [
 "CT showed calcified granuloma. could that be why my poo has been black and tarry since yesterday?"],
 "emergency", [],
 "emergency: black tarry stools, current, stated inside a question"),
("e03-for-dad-drowsy-cirrhosis", [
 "I'm writing for my dad, he has cirrhosis and his CT showed liver calcifications. Since this morning he's very drowsy and confused, not making sense"],
 "emergency", [],
 "emergency: new confusion/drowsiness in the patient (father) with cirrhosis"),
("e04-fainted-fine-now", [
 "Ultrasound shows punctate calcifications. I fainted at work earlier but I'm fine now"], "emergency", [],
 "emergency: fainted, even though they came round (NHS 999 guidance)"),
("e05-sudden-worst-pain", [
 "CT said calcification in my liver, now I've got sudden really severe pain in my upper belly, worst I've ever had"],
 "emergency", [],
 "emergency: sudden severe abdominal pain"),
("e06-suicidal", [
 "they found calcifications in my liver and I just cant cope anymore",
 "honestly I've been thinking about killing myself"], "emergency", [],
 "emergency: thoughts of suicide -> crisis help at once"),
("e07-triad", [
 "Calcification on my ultrasound, now I've got a fever of 39, pain under my right ribs and my eyes are yellow"],
 "emergency", [],
 "emergency: fever + right-upper pain + jaundice (all three: possible cholangitis)"),
("e08-elderly-coffee-grounds", [
 "Dear Doctor, I write on behalf of my wife, aged 79, whose CT shows calcification of the liver. This evening she has vomited twice, and the vomit looked like coffee grounds. Kindly advise."],
 "emergency", [],
 "emergency: coffee-ground vomit (blood) in the patient"),
("e09-fainted-said-late", [
 "my CT showed a 3mm calcified granuloma, stable since 2018",
 "no cancer, no meds",
 "oh also I passed out in the shower last night, my husband found me"], "emergency", [],
 "emergency: a reassuring finding, but the user fainted (said late; reported by husband, still the user's own)"),
("e10-selfharm-textspeak", [
 "ct showed calcs in liver",
 "cant stop thinking its cancer. i want to hurt myself tbh"], "emergency", [],
 "emergency: thoughts of self-harm -> crisis help; 'its cancer' is a fear, not history"),
("e11-wife-says-drowsy", [
 "My wife says I've been very drowsy and muddled the last day or so. My CT showed liver calcifications last week."],
 "emergency", [],
 "emergency: new drowsiness/confusion (the user's own, reported by wife)"),
("e12-told-receptionist-black", [
 "the ultrasound found a calcified granuloma in my liver",
 "when I rang for the results the receptionist asked if anything else was wrong and I said my poo's been black and sticky since Monday"],
 "emergency", [],
 "emergency: black sticky stools, current, inside reported speech"),
("e13-mum-collapsed", [
 "My mum's CT showed scattered liver calcifications. She collapsed in the kitchen about an hour ago, she's awake now but pale"],
 "emergency", [],
 "emergency: the patient (mother) collapsed, even though she came round"),
("e14-sudden-pain-late", [
 "ultrasound: coarse calcification right lobe",
 "since lunchtime the pain is really bad, came on all of a sudden, I can't stand up straight"], "emergency", [],
 "emergency: sudden severe abdominal pain, said in a later message"),
("e15-ibuprofen-blood-vomit", [
 "my CT had a calcified granuloma in the liver",
 "is it safe to take ibuprofen for tummy ache? there was blood in it when I was sick earlier"], "emergency", [],
 "emergency: blood in vomit mentioned inside a question about painkillers"),
("e16-elderly-suicidal", [
 "I am 70 and live alone. The CT has found calcifications in my liver. I confess I have begun to think it would be easier not to wake up, and I have thought about taking all my tablets."],
 "emergency", [],
 "emergency: suicidal thoughts with a possible plan -> crisis help at once"),
]

"""Vignettes for set K (independent subagent K). Every sentence written by hand."""

EM, SOON, ROUT, REAS = "emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"

V = []


def v(id_, messages, triage, causes, note):
    V.append({"id": id_, "messages": messages, "triage": triage,
              "causes_top3_any": causes, "note": note})


# ---------------------------------------------------------------- emergency
v("k-em-daughter-drowsy",
  ["hello, my CT from last week mentions 'scattered punctate calcific foci in the right lobe'",
   "also my daughter is here and she says I've been talking nonsense since this morning and I keep nodding off, I feel fine though"],
  EM, [], "emergency: new confusion and drowsiness (CLINICAL_NOTES red flags); the user's own sign reported by a relative is the user's")
v("k-em-dad-tarry",
  ["Im asking for my dad hes 81 and doesnt use computers. his ultrasound said a small calcified granuloma in the liver",
   "he also told me his poo has been black and sticky like tar for 2 days. is the granuloma causing that?"],
  EM, [], "emergency: black tarry stools in the patient (the father, on whose behalf the user writes)")
v("k-em-coffee-grounds-passing",
  ["FINDINGS: Liver normal in size. Two punctate hyperdense foci in segment VI consistent with calcified granulomata. No focal mass. IMPRESSION: Likely sequelae of prior granulomatous disease.",
   "thats my report. I'm off to my sisters wedding on saturday, been a bit rough this week, threw up some stuff that looked like coffee grounds yesterday and again this morning, but mainly I want to know if the granulomata matter?"],
  EM, [], "emergency: vomit that looks like ground coffee (NHS, in CLINICAL_NOTES), mentioned in passing; benign report does not lower it")
v("k-em-worst-pain-mri",
  ["Got my MRI results, 'coarse calcification adjacent to the gallbladder fossa'",
   "and right now I have the worst stomach pain of my life, it came on suddenly an hour ago, what should I do"],
  EM, [], "emergency: sudden, severe abdominal pain (NHS stomach ache page)")
v("k-em-passed-out-kitchen",
  ["my sonogram showed a couple of tiny calcifications in my liver, doc says probably old infection",
   "this morning I passed out in the kitchen, was only out for a few seconds and I'm okay now. anyway what kind of old infection would it be?"],
  EM, [], "emergency: fainted / lost consciousness even though they came round (NHS 999 guidance); question about cause does not change it")
v("k-em-charcot-ducts",
  ["CT shows calcifications along the bile ducts, query intrahepatic stones",
   "since yesterday I've had a high temperature, pain under my right ribs and my eyes have gone yellow"],
  EM, [], "emergency: fever + right-upper pain + jaundice together (cholangitis, all three)")
v("k-em-polish-black",
  ["Hello. I am from Poland, my english is not so good. Doctor make ultrasound and write 'single calcification 4 mm liver, benign'.",
   "Last 3 days my stool is very black and I feel weak. Is normal?"],
  EM, [], "emergency: black stools for 3 days (non-native wording)")
v("k-em-textspeak-blood",
  ["hey so my ct says calcs in liver lol wat does that even mean",
   "also bit worried cos i threw up blood last nite, like proper red, prob nothing tho"],
  EM, [], "emergency: vomited blood last night (recent), downplayed by the user")
v("k-em-harold-letter",
  ["Dear Sir or Madam, I write concerning a computed tomography examination undertaken on the 3rd of this month, which disclosed a solitary calcified granuloma of the liver measuring 6 millimetres.",
   "My wife wishes me to add that since yesterday afternoon I have been uncommonly drowsy and somewhat confused as to the day. I remain, yours faithfully, Harold"],
  EM, [], "emergency: new drowsiness/confusion in the writer (reported at his wife's prompting, still his own)")
v("k-em-partner-collapse",
  ["writing for my partner, she cant really focus right now. her ultrasound last month found punctate calcifications in the liver, unchanged from 2020",
   "she collapsed in the shower twenty minutes ago, she came round but is very pale. is this linked to the liver thing?"],
  EM, [], "emergency: collapse in the patient (partner) even though she came round; stable finding irrelevant")
v("k-em-overdose",
  ["my scan says liver calcification and i've read it could be cancer. i can't stop thinking about it",
   "honestly i took a load of my tablets an hour ago because i can't cope with waiting"],
  EM, [], "emergency: has harmed themselves (overdose); NHS 'Help for suicidal thoughts': emergency number / ED now")
v("k-em-anxious-black",
  ["is liver calcification dangerous?? my ct said 'a few scattered calcifications'. is it dangerous? please tell me",
   "i keep reading horror stories. is it dangerous. also is it related that my stools have been black since monday? sorry for all the questions"],
  EM, [], "emergency: black stools since Monday, asked inside a question among anxious repeats")
v("k-em-split-words-lost",
  ["my ultra sound came back with calc ification in the liv er",
   "and my son keeps telling me im confused, i got lost driving home from the shops today which never happens"],
  EM, [], "emergency: new acute confusion (lost on a familiar route), own sign reported by son")
v("k-em-wife-hydatid-pain",
  ["I'm messaging for my wife, Maria. Her CT two weeks ago showed a calcified hydatid cyst in the right lobe and the surgeon wants to see her next month.",
   "Tonight she has sudden, really severe pain in her upper belly and can't stand up straight."],
  EM, [], "emergency: sudden severe abdominal pain in the patient (wife); possible complicated hydatid cyst")
v("k-em-lowercase-red-blood",
  ["impression coarse calcification segment 4 likely old granuloma no further follow up required",
   "just wanted to check thats ok cause i brought up a lot of bright red blood about 2 hours ago and im still a bit shaky"],
  EM, [], "emergency: vomiting blood two hours ago; report's 'no follow-up' is about the calcification only")
v("k-em-xray-fainted-work",
  ["I'd like help understanding my scan please",
   "it was an x-ray of my tummy and they saw some calcium in the liver area",
   "no, never had cancer",
   "oh and I fainted at work yesterday, they said I went grey and dropped"],
  EM, [], "emergency: fainted yesterday (recent collapse), said late during the assessment")
v("k-em-husband-sleepy-correction",
  ["my husband keeps saying I'm not making sense today and I'm really sleepy, is that because of my liver?",
   "the MRI last week showed punctate calcification, sorry it was a CT not an MRI"],
  EM, [], "emergency: new confusion and drowsiness (own, reported by husband); imaging correction irrelevant to triage")
v("k-em-cat-scan-smelly",
  ["Hi there, my doctor ordered a CAT scan for kidney stones and they found a few liver calcifications by accident.",
   "Everything else is fine except I've had black, really smelly bowel movements since Friday."],
  EM, [], "emergency: black, very smelly stools (NHS wording), after 'everything else is fine'")
v("k-em-triad-three-msgs",
  ["ultrasound: echogenic foci with posterior acoustic shadowing in the left lobe, may represent calcification or intrahepatic calculi",
   "I've been shivery and running a fever of 39 since last night",
   "the pain under my right ribs is constant and my wife says the whites of my eyes are yellow"],
  EM, [], "emergency: fever, right-upper pain and jaundice spread over three messages (all three = emergency)")
v("k-em-mum-confused-88",
  ["asking on behalf of my mum (she's 88). her GP letter says 'incidental hepatic calcification, of doubtful significance'",
   "the reason I'm asking now is she's suddenly very confused today, didn't know who I was this morning"],
  EM, [], "emergency: sudden confusion in the patient (mother, user writes for her)")

# ------------------------------------------------------- see clinician soon
v("k-soon-lump-gp",
  ["the scan found a 3 cm lump in my liver with some coarse calcium in it and the doctor told me to see my GP, what could that be?"],
  SOON, [], "soon: a mass (lump) with calcification needs prompt review (CLINICAL_NOTES urgency: a mass)")
v("k-soon-6-to-9",
  ["my follow up CT: the calcified lesion measured 6 mm last year and 9 mm now",
   "no cancer history, no symptoms"],
  SOON, [], "soon: growing lesion (6 -> 9 mm); growth raises concern (ACR white paper), prompt review")
v("k-soon-interval-enlargement",
  ["COMPARISON: CT 14/02/2023. FINDINGS: Interval increase in size of the partially calcified focus in segment VII, from 5 to 8 mm. IMPRESSION: Interval enlargement; recommend MRI."],
  SOON, [], "soon: interval increase 5 -> 8 mm = growing lesion")
v("k-soon-husband-yellowish",
  ["my husband keeps saying my skin has gone yellowish, I can't really see it myself",
   "I had an ultrasound in May that showed a calcified granuloma, nothing else"],
  SOON, [], "soon: new jaundice (NHS: urgent advice), the user's own sign reported by husband; no fever or pain")
v("k-soon-breast-chemo-new",
  ["I finished chemotherapy for breast cancer in 2022. My surveillance CT mentions new small calcifications in the liver that weren't on the previous scan."],
  SOON, ["hepatic_metastases"], "soon: personal cancer history (breast, spreads to liver) with new calcifications; metastases first in known cancer")
v("k-soon-husband-bowel-new",
  ["I'm typing this for my husband, he had bowel cancer operated in 2020. His latest CT says 'new punctate calcified foci in the liver, not present on prior'. What does that mean for him?"],
  SOON, ["hepatic_metastases"], "soon: patient (husband) with colorectal cancer history and new liver calcifications (CRC metastases calcify 10-27 %)")
v("k-soon-weightloss-clothes",
  ["CT: scattered calcifications in the liver, likely old granulomas",
   "I've lost about 8 kilos since Christmas without trying, my clothes are hanging off me"],
  SOON, [], "soon: unintentional weight loss (prompt review) despite benign-sounding report")
v("k-soon-belly-swelled",
  ["ultrasound showed coarse liver calcification, they said probably nothing",
   "but my belly has swelled up a lot over the last few weeks, my trousers dont close anymore"],
  SOON, [], "soon: swollen abdomen (prompt review)")
v("k-soon-fever-ribs-no-yellow",
  ["MRI report says 'calcific focus in segment 5, likely benign'",
   "Ive had a temperature on and off for 3 days and an ache under my right ribs. no yellow skin as far as I know"],
  SOON, [], "soon: fever with right-upper pain (possible cholangitis, enough to act on); jaundice denied so not all three")
v("k-soon-ill-defined",
  ["pasting the key part: 'A 2.4 x 1.9 cm ill-defined hypodense lesion with internal coarse calcification in segment VIII. Recommend contrast-enhanced MRI.'",
   "what are they worried about?"],
  SOON, [], "soon: soft-tissue lesion with ill-defined margins and calcification (ACR concerning features), further imaging recommended")
v("k-soon-hydatid-grown",
  ["they think I have a hydatid cyst, the CT shows eggshell calcification around it",
   "it was 4 cm two years ago and is 5.5 cm now"],
  SOON, ["hydatid_cyst"], "soon: hydatid cyst that has grown (growth = prompt review; calcification does not prove inactivity)")
v("k-soon-mother-yellow-eyes",
  ["I write for my mother, she is 70. The ultrasound find little calcifications in liver. Now from one week her eyes are yellow colour.",
   "She has no pain and no fever."],
  SOON, [], "soon: new jaundice in the patient (mother) without fever or pain")
v("k-soon-dad-liver-ca-stone",
  ["my dad died of liver cancer and now my CT shows a calcification in my liver, 7 mm",
   "I have also lost weight, about a stone in two months, not dieting"],
  SOON, [], "soon: unintentional weight loss (a stone = 6 kg, not a finding); father's cancer alone would not escalate")
v("k-soon-cirrhosis-new-area",
  ["I have cirrhosis from hep C and go for 6-monthly ultrasounds.",
   "This time they saw a new calcified area that wasn't there in the spring, and they've booked a CT."],
  SOON, [], "soon: new lesion in a high-risk liver (cirrhosis, chronic hepatitis)")
v("k-soon-no-new-but-larger",
  ["follow up ct today. radiologist wrote no new lesions. the known calcified nodule in segment 2 is slightly larger at 11 mm (previously 8 mm)."],
  SOON, [], "soon: 'no new lesions' but the known one grew 8 -> 11 mm (growth)")
v("k-soon-amio-yellow",
  ["on amiodarone for my heart for 5 years and a CT showed calcifications in the liver",
   "my GP noticed today my eyes look a bit yellow"],
  SOON, ["drug_related"], "soon: new jaundice; amiodarone makes drug-related the likely cause of the calcifications")
v("k-soon-xray-then-mass",
  ["a chest x-ray picked up something in the upper abdomen, then an ultrasound showed a 4cm mass in the liver with calcium flecks in it"],
  SOON, [], "soon: a 4 cm liver mass with calcification (prompt review)")
v("k-soon-elderly-distended",
  ["Good afternoon. I am 76 and not used to these machines. My sonogram shows what they call rim calcification in the liver.",
   "My abdomen has become rather distended over the past month and I have lost weight without meaning to. Should I be worried?"],
  SOON, [], "soon: swollen abdomen and unintentional weight loss")
v("k-soon-granuloma-3-to-6",
  ["radiologist says 'interval increase' on my calc granuloma?? it was 3mm in 2021 now its 6mm. wat does interval increase mean"],
  SOON, [], "soon: growing lesion (3 -> 6 mm); growth is a concerning feature even for a presumed granuloma")
v("k-soon-stones-fever-greasy",
  ["ultrasound shows a few stones in the bile ducts inside the liver, with calcification",
   "I get pain under my right ribs after greasy food, and for the last two days I've had a fever too"],
  SOON, ["bile_duct_stones"], "soon: fever with right-upper pain (possible cholangitis) in someone with duct stones; no jaundice stated")

# -------------------------------------------------- see clinician routine
v("k-rout-amio-lungs",
  ["I've been on amiodarone for about six years. A CT for my lungs showed calcifications in the liver.",
   "not that I know of"],
  ROUT, ["drug_related"], "routine: amiodarone use, no red flags (short answer denies the rest)")
v("k-rout-mtx-ra-pasted",
  ["Taking methotrexate weekly for rheumatoid arthritis. My ultrasound says: 'Several punctate echogenic foci in the liver, likely small calcifications.'",
   "nope none of that"],
  ROUT, ["drug_related"], "routine: methotrexate use with calcifications, no red flags")
v("k-rout-followup-6m",
  ["IMPRESSION: 7 mm calcified focus in segment IV, indeterminate. Recommend follow-up ultrasound in 6 months.",
   "I have no other health problems"],
  ROUT, [], "routine: the report itself recommends follow-up in 6 months; no growth, no red flags: raise with the ordering doctor")
v("k-rout-alcohol-cirrhosis-stable",
  ["I have cirrhosis (alcohol, sober 4 years) and my surveillance MRI mentions a coarse calcification unchanged since 2021",
   "no yellowing, no swelling, no black stools"],
  ROUT, ["chronic_liver_disease"], "routine: cirrhosis is a high-risk group, but the finding is stable and red flags are denied")
v("k-rout-hepb-birth",
  ["hep B carrier since birth. my ultrasound this year found a small calcification in the liver",
   "no symptoms at all"],
  ROUT, ["chronic_liver_disease"], "routine: chronic hepatitis B (high-risk), no red flags")
v("k-rout-pbc-urso",
  ["I was diagnosed with PBC three years ago and take ursodeoxycholic acid. The MRI showed scattered tiny calcifications."],
  ROUT, ["rare_metabolic", "chronic_liver_disease"], "routine: primary biliary cholangitis (high-risk, rare cause), no red flags")
v("k-rout-haemochromatosis",
  ["I have haemochromatosis and have venesections. CT shows a few punctate calcifications of the liver."],
  ROUT, ["rare_metabolic"], "routine: hemochromatosis (rare metabolic cause, high-risk group), no red flags")
v("k-rout-duct-stones-no-pain",
  ["the CT report says 'small calcified densities along the left hepatic duct, possibly intraductal stones'",
   "I don't get any pain, not even after fatty food"],
  ROUT, ["bile_duct_stones"], "routine: possible bile duct stones without pain or fever; further imaging decided by the ordering doctor")
v("k-rout-lfts",
  ["the ultrasound report says 'a few punctate calcifications in the right lobe. Suggest correlation with LFTs.' what are LFTs and do I need them?",
   "no"],
  ROUT, [], "routine: report asks for liver blood tests; no red flags: raise with the ordering doctor")
v("k-rout-mtx-psoriasis-typos",
  ["im on metho trexate for psoriasis 10 years, ultrasund found calcfications liver",
   "no yello skin, no wieght loss"],
  ROUT, ["drug_related"], "routine: methotrexate (drug-related), jaundice and weight loss denied")
v("k-rout-wife-amio",
  ["my wife asked me to check this for her. She's on amiodarone after a heart attack and her CT said 'hyperdense liver with a few small calcifications'",
   "she's feeling fine, no tummy trouble"],
  ROUT, ["drug_related"], "routine: patient (wife) on amiodarone, no red flags")
v("k-rout-cirrhosis-paracetamol",
  ["Hi, I need help with my ultrasound results",
   "it says multiple punctate calcifications",
   "I've got cirrhosis, fatty liver type",
   "just the usual paracetamol, nothing else"],
  ROUT, ["chronic_liver_disease"], "routine: cirrhosis (chronic liver disease), no relevant drugs, no red flags")
v("k-rout-mri-back-nonurgent",
  ["They did an MRI because of my back and saw a calcified spot on the liver. Radiologist suggested a dedicated liver ultrasound at some point, not urgent."],
  ROUT, [], "routine: radiologist suggests further non-urgent imaging; no red flags")
v("k-rout-mtx-crohns-mother-amio",
  ["my mother was on amiodarone, not me. I'm the one on methotrexate though, for Crohn's",
   "the CT showed liver calcifications, three of them, tiny"],
  ROUT, ["drug_related"], "routine: user's own methotrexate (mother's amiodarone is family only)")
v("k-rout-hepb-tired",
  ["my GP says I have chronic hepatitis B and the ultrasound showed a calcification in the liver, 5 mm",
   "my husband thinks I look a bit tired but I feel ok"],
  ROUT, ["chronic_liver_disease"], "routine: chronic hepatitis B; tiredness is not a red flag")
v("k-rout-cirrhosis-no-new",
  ["cirrhosis surveillance ultrasound: no new lesions, known calcified focus segment 6 unchanged, 4 mm (previously 4 mm)."],
  ROUT, ["chronic_liver_disease"], "routine: cirrhosis (high risk) but no new or growing lesion")
v("k-rout-pbc-textspeak",
  ["hi so i have pbc n my mri showed some scattered calcs, shud i b worried"],
  ROUT, ["rare_metabolic", "chronic_liver_disease"], "routine: PBC, no red flags")
v("k-rout-mtx-report-line",
  ["Findings: multiple small calcified granulomata in both lobes. Patient on long-term methotrexate. Impression: nonspecific calcifications, correlate clinically."],
  ROUT, ["drug_related", "granulomatous_infection"], "routine: long-term methotrexate, report asks for clinical correlation")
v("k-rout-boyfriend-6m",
  ["asking for my boyfriend, his ultrasound says 'echogenic focus with posterior acoustic shadowing in segment III, likely calcification; follow-up in 6 months suggested'",
   "he's 29, healthy, doesn't drink"],
  ROUT, [], "routine: report suggests 6-month follow-up; patient (boyfriend) healthy, no red flags")
v("k-rout-mum-not-dad-amio",
  ["my dad's CT shows some calcification in the liver and he's on amiodarone",
   "sorry, my mum, not my dad! she's the one on amiodarone. she's fine otherwise"],
  ROUT, ["drug_related"], "routine: patient corrected to mother, who takes amiodarone; no red flags")
v("k-rout-amio-march-2021",
  ["amiodarone user here. calcification same as March 2021 on the new CT. is it the amiodarone??"],
  ROUT, ["drug_related"], "routine: amiodarone (drug-related), stable, no red flags")

v("k-rout-midassess-mtx-question",
  ["please help me understand my CT",
   "it says 'several calcified granulomata, the largest 6 mm'",
   "before you ask more, can methotrexate cause this? I've been on it since 2017",
   "nothing else"],
  ROUT, ["drug_related", "granulomatous_infection"], "routine: methotrexate since 2017 (drug-related), question asked mid-assessment, no red flags")

# ------------------------------------------------------------ reassurance
v("k-reas-4mm-2019",
  ["My CT found a 4 mm calcified granuloma in the liver, unchanged since 2019.",
   "no cancer, no liver problems, I feel well"],
  REAS, ["granulomatous_infection"], "reassurance: small calcified granuloma stable for years, no cancer or liver disease, no red flags")
v("k-reas-doubtful-no-fu",
  ["ultrasound said single punctate calcification, 'of doubtful significance, no further follow-up required'",
   "nope"],
  REAS, ["granulomatous_infection", "healed_infection"], "reassurance: single punctate calcification, radiologist says no follow-up, no risk factors")
v("k-reas-sister-correction",
  ["I'm a bit worried, my ultrasound found a tiny calcified granuloma and I had breast cancer",
   "sorry, typing too fast - my SISTER had breast cancer, not me. I've never had cancer"],
  REAS, ["granulomatous_infection"], "reassurance: corrected to family history only (does not escalate); tiny granuloma")
v("k-reas-tb-childhood-germany",
  ["I had tuberculosis in my country when I was child, treated. Now CT in Germany show some small calcified granulomas in liver.",
   "No symptom. Thank you."],
  REAS, ["granulomatous_infection"], "reassurance: past treated TB, small calcified granulomas, no symptoms")
v("k-reas-ohio-histo",
  ["Grew up in Ohio, my doctor says I probably had histoplasmosis without knowing. The CT shows scattered tiny calcifications in my liver and spleen."],
  REAS, ["granulomatous_infection"], "reassurance: histoplasmosis granulomas (most common cause in North America), incidental")
v("k-reas-5-now-5",
  ["comparison with 2022: calcification in segment 7 previously 5 mm, now 5 mm",
   "no history of cancer or liver disease"],
  REAS, ["granulomatous_infection", "healed_infection"], "reassurance: same size after 2+ years (no growth over a year favours benign), no risk")
v("k-reas-abscess-2014",
  ["I had a liver abscess drained in 2014 and was fine after. The CT now shows a coarse calcification right where it was, same as on the 2018 scan."],
  REAS, ["healed_infection"], "reassurance: remnant of healed abscess, unchanged on follow-up (no treatment)")
v("k-reas-motorbike-laceration",
  ["I lacerated my liver in a motorbike crash 20 years ago. Ultrasound today shows a calcification in that area, radiologist says old post-traumatic change, unchanged from my 2015 CT"],
  REAS, ["healed_infection"], "reassurance: remnant of old haematoma/injury, unchanged")
v("k-reas-mate-black-stools",
  ["my mate had black stools before they found his ulcer, so I'm paranoid now. my own ultrasound just showed a small calcified granuloma",
   "no black stools or anything myself, I feel totally fine"],
  REAS, ["granulomatous_infection"], "reassurance: the black stools were a friend's, denied for the user; small granuloma")
v("k-reas-dog-xray",
  ["my dog had an xray and the vet found calcifications in his liver lol, and funnily enough my CT last month showed a tiny one in mine too",
   "is mine anything to worry about? I've got no symptoms"],
  REAS, ["granulomatous_infection"], "reassurance: the dog's finding is not the user's; user has one tiny calcification, no symptoms")
v("k-reas-grandad-cirrhosis",
  ["my grandad vomited blood before he died of cirrhosis, so when the CT said calcification in my liver I panicked",
   "I don't drink much, no liver disease, it's a single 3 mm calcified granuloma"],
  REAS, ["granulomatous_infection"], "reassurance: vomiting blood and cirrhosis were the grandfather's (family); user has a single small granuloma")
v("k-reas-what-if-blood",
  ["ok so my sonogram shows punctate calcs, radiologist says incidental. what happens if i start throwing up blood or something? would that mean it's cancer?"],
  REAS, ["granulomatous_infection"], "reassurance: vomiting blood is hypothetical (future), incidental punctate calcifications")
v("k-reas-newborn-hepA",
  ["I had jaundice as a newborn and hepatitis A at 12, both long gone. CT shows a couple of tiny calcifications, unchanged since 2017."],
  REAS, ["granulomatous_infection", "healed_infection"], "reassurance: jaundice and hepatitis A long past and resolved (not chronic hepatitis); stable tiny calcifications")
v("k-reas-84-letter",
  ["To whom it may concern. At the age of 84 I underwent an ultrasound examination of the abdomen, which revealed, and I quote, 'a solitary 3 mm echogenic focus with acoustic shadowing in the right lobe, consistent with a calcified granuloma; no further imaging is required'. I have no complaints of any kind. Is this a matter for concern?"],
  REAS, ["granulomatous_infection"], "reassurance: solitary small calcified granuloma, no further imaging, no complaints")
v("k-reas-half-cm",
  ["doc said theres a calcified granuloma about half a centimetre, same size as my last scan in 2020",
   "no cancer no liver probs no meds"],
  REAS, ["granulomatous_infection"], "reassurance: 5 mm granuloma stable since 2020, no risk factors")
v("k-reas-pasted-denies-fever",
  ["HISTORY: RUQ discomfort, resolved. Denies fever. FINDINGS: The liver is normal in size and echotexture. No focal mass. A 3x4mm calcific focus in segment V. Gallbladder normal. IMPRESSION: Incidental hepatic calcification, likely granulomatous.",
   "the discomfort went away weeks ago btw"],
  REAS, ["granulomatous_infection"], "reassurance: incidental small calcification, no mass, fever denied, past discomfort resolved")
v("k-reas-mum-stable-2016",
  ["I'm helping my mum with this as her English is limited. Her CT from last month says 'stable calcified granulomata, no interval change since 2016'",
   "she's had no yellow eyes, no weight loss, she's very well for 79"],
  REAS, ["granulomatous_infection"], "reassurance: patient (mother) with granulomas stable for 8+ years, red flags denied")
v("k-reas-us-not-mri",
  ["My MRI showed a small calcification - sorry, it was an ultrasound, not an MRI. The doctor asked about cancer in the family and I said no.",
   "She said it's probably an old granuloma and no need to come back"],
  REAS, ["granulomatous_infection"], "reassurance: small calcification, likely old granuloma, doctor says no follow-up")
v("k-reas-anxious-2mm",
  ["is a calcified granuloma cancer? my ct found one, 2mm. is it cancer? can it turn into cancer?",
   "sorry I'm just so anxious. no symptoms, never had cancer, not on any medication"],
  REAS, ["granulomatous_infection"], "reassurance: 2 mm granuloma, no cancer, no drugs, no symptoms; cancer only asked about")
v("k-reas-colleague-hydatid",
  ["my colleague had a hydatid cyst removed last year and now I'm scared because my CT showed a 'tiny punctate calcification, likely granuloma'",
   "I've got none of the symptoms she had"],
  REAS, ["granulomatous_infection"], "reassurance: hydatid cyst was a colleague's, user has tiny punctate calcification")
v("k-reas-if-grown",
  ["if my next scan showed it had grown, what would that mean? right now it's a 4mm calcified granuloma, stable over two scans"],
  REAS, ["granulomatous_infection"], "reassurance: growth is hypothetical; current granuloma stable")
v("k-reas-same-march-2021",
  ["ultrasound 2024 - calcification in the left lobe same as March 2021, no new lesions",
   "no past illnesses worth mentioning"],
  REAS, ["granulomatous_infection", "healed_infection"], "reassurance: unchanged for 3 years, nothing new, no risk factors")
v("k-reas-slightly-smaller",
  ["the calcified granuloma is slightly smaller than on the last CT, 4 mm now vs 5 mm in 2021",
   "no"],
  REAS, ["granulomatous_infection"], "reassurance: granuloma smaller, not growing; no risk factors")
v("k-reas-ulcer-2009",
  ["Back in 2009 I had a bleeding stomach ulcer and vomited blood, it was fixed with an endoscopy and I've had no problems since.",
   "Now an ultrasound for something else found a single small calcified granuloma in my liver. Is that connected?"],
  REAS, ["granulomatous_infection"], "reassurance: vomiting blood was long past and resolved; single small incidental granuloma")

if __name__ == "__main__":
    import json, sys
    ids = [x["id"] for x in V]
    assert len(ids) == len(set(ids))
    json.dump(V, open(sys.argv[1], "w"), indent=1, ensure_ascii=False)
    from collections import Counter
    print(len(V), Counter(x["triage"] for x in V))

/**
 * Common given names with the pronoun news uses, to recognise people the
 * dataset does not know ("Pat Caddell said") and to resolve "he"/"she".
 * The dataset's own people add their first names at index time.
 */
import { fold } from '../text/fold.ts';

const MALE = `
  aaron adam adrian ahmed alan albert alex alexander alexei alexey aleksandr aleksei alfred ali allen andre andrei andrew
  andrey andrzej andy angel angus anthony anton antonio arnold arthur bart ben benjamin bernard bernie bill billy bob bobby
  boris brad bradley brandon brendan brett brian bruce bryan carl carlos chad charles charlie chris christian christoph
  christopher chuck clarence claude clint colin connor craig curt curtis dan daniel danny darius darrell dave david dean
  denis dennis derek dick dmitri dmitry dominic don donald doug douglas duncan dwight earl ed eddie edgar eduard edward elijah
  emil emmanuel eric erik ernest eugene evan felix fernando francis francisco frank franz fred frederick fyodor gabriel
  gary gavin gene george gerald gerhard gordon graham greg gregory guy hans harold harry hassan heinrich henry herbert howard
  hugh hunter ian igor isaac ivan jack jacob jake james jamie jan jared jason javier jean jeff jeffrey jeremy jerome jerry
  jesse jim jimmy joe joel johan john johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl keith ken
  kenneth kevin kirill klaus konstantin kurt kyle lamar larry lars lawrence lee leo leon leonid liam lindsey lloyd lorenzo
  louis luis luke lukas marc marco marcus mario mark martin mathias matt matteo matthew maurice max maxim michael michel
  miguel mike mikhail mitch mitt mohammed muhammad nathan neil nicholas nick nicolas nikolai nikolay noah norman oleg oliver
  olaf omar oscar otto owen pablo patrick paul pavel pedro pete peter petr philip philippe phil pierre piotr rafael ralph
  ramon randy ray raymond reed reggie richard rick rob robert roberto rod rodney roger roland roman ron ronald ross roy
  ruslan russell ryan sam samuel scott sean sebastian sergei sergey seth shane sergio simon stanley stefan stephen steve
  steven stuart ted terry thomas tim timothy todd tom tommy tony travis trey troy tyler valery valeriy vasily victor viktor
  vince vincent vitali vitaly vladimir vladislav volodymyr walter wayne wes wesley will william wolfgang xavier yuri yury
  yevgeny zachary zbigniew jerzy krzysztof tomasz pawel marek jacek wojciech jaroslaw mateusz radoslaw wladyslaw
  oleksandr oleksiy mykola mykhailo dmytro andriy taras bohdan yuriy petro vasyl
  владимир сергей дмитрий александр алексей андрей михаил николай юрий евгений олег игорь виктор валерий
  володимир сергій дмитро олександр олексій андрій михайло микола юрій петро василь
  aleksander alessandro alvaro amir andras antti arvydas bartosz carsten christophe cristian daniil dario diego dirk edgars
  enrico fabio federico filip florian gabor gediminas gianluca giorgio giovanni gitanas guillaume gunnar hanno heikki hakan
  hendrik ignacio imre istvan jaakko janis jaroslav jens joachim jochen juha jukka juri juris kaspar kestutis krisjanis
  kristjan kristian lajos laszlo lauri leif linas lukasz marcel marcin margus markus mateo matej mattias mehmet michal
  miroslav mustafa nikos nils olivier ondrej pekka petteri raimonds rasmus reinis rene ricardo robertas rolf rustam sandro
  sauli sebastien sven tanel tarmo teodor thierry tobias toomas urmas vaclav valdis viktoras vytautas yannick yves zoltan
  alexis recep emre kemal ahmet yusuf khalid tariq hamid abdullah ibrahim nikola milos dragan zoran goran andrej tomas petar
  georgi dimitar hristo rumen boyko mihai vasile dainius andris artis jussi ulf pal hamza
  даниил павел борис григорий константин вячеслав геннадий анатолий
  maksym maksim jonas oleh ihor serhiy yevhen vitaliy denys kyrylo illia mykyta
`;
const FEMALE = `
  abigail alexandra alice alina amanda amy ana anastasia andrea angela angelina ann anna anne annalena annette barbara beata
  betty beverly brenda carla carmen carol caroline catherine cathy charlotte cheryl christina christine claire claudia
  cynthia dana daniela deborah debbie denise diana diane donna dorothy elena elisabeth elizabeth ellen emily emma erin eva
  evelyn federica frances giorgia gina gloria hanna hannah heather heidi helen hillary ingrid irina isabel jacqueline jane
  janet janice jean jennifer jessica jill joan joanna jodi julia julie karen karin kate katherine kathleen kathy katie
  kaja kamala kelly kim kimberly kristen kristi kristina larisa laura lauren linda lisa liz liza lori lucy ludmila lyudmila
  madeleine maria marie marina marine marjorie martha mary maya megan melania melissa michelle mila monica nancy natalia
  natalya nicole nikki nina olga olena oksana pamela patricia paula penny rachel rebecca rose ruth sabine sally samantha
  sandra sara sarah sharon shirley sophie stephanie susan suzanne svetlana sylvie tamara tanya tatiana teresa theresa tina
  ursula valentina valerie vanessa victoria virginia wendy yulia yuliia zoe agnieszka ewa katarzyna malgorzata
  мария анна елена ольга наталья татьяна ирина светлана юлия людмила валентина
  марія олена наталія тетяна ірина юлія
  jana kadri aino anneli birgit aleksandra anja antje camille chiara corinna dagmar daria eliza elzbieta evelina evika
  francesca helena helle henna ilona ines iryna ivana jadwiga jelena jolanta justyna katarina katrin katja kersti liina
  liisa lucia magdalena maia margarita mari marta marja marianne mette monika nataliya nadia petra raimonda ramona renata
  roberta sanna sari silvia simona sofia tatyana tiina vera veronika viktoria zuzana gabriela mariana beatrix elina kaia
  екатерина марина виктория вероника оксана
`;

export type Gender = 'm' | 'f';

export const GIVEN_NAMES: ReadonlyMap<string, Gender> = (() => {
  const m = new Map<string, Gender>();
  for (const n of FEMALE.split(/\s+/).filter(Boolean)) m.set(fold(n), 'f');
  for (const n of MALE.split(/\s+/).filter(Boolean)) m.set(fold(n), 'm');
  return m;
})();

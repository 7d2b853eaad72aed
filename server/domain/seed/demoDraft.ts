import type { DraftOutline } from '../../../shared/draftTemplate';

/** The demo zero draft, written for this product (not an adopted text). */
export const DEMO_DRAFT: DraftOutline = {
  symbol: 'E/CN.15/2026/L.4',
  organ: 'Commission on Crime Prevention and Criminal Justice',
  session: 'Thirty-fifth session, Vienna, 18–22 May 2026',
  agendaItem:
    'Item 5 of the provisional agenda: Integration and coordination of efforts by the United Nations Office on Drugs and Crime and by Member States in the field of crime prevention and criminal justice',
  sponsors: 'Belarus, Kazakhstan, Nigeria and Philippines: draft resolution',
  title: 'Countering trafficking in persons facilitated by the use of information and communications technologies',
  formula: 'The Commission on Crime Prevention and Criminal Justice,',
  preambular: [
    'Recalling the United Nations Convention against Transnational Organized Crime and the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the Convention, which constitute the main international legal instruments to combat trafficking in persons,',
    'Reaffirming the United Nations Global Plan of Action to Combat Trafficking in Persons, adopted by the General Assembly in its resolution 64/293 of 30 July 2010,',
    'Deeply concerned that traffickers increasingly use information and communications technologies, including social media, online advertising, messaging applications and virtual assets, to recruit, advertise, control and exploit victims and to launder the proceeds of their crimes,',
    'Recognizing that the private sector, in particular technology companies, financial institutions and online platforms, has an important role in preventing and detecting the misuse of its services for trafficking in persons,',
    'Noting with appreciation the work of the United Nations Office on Drugs and Crime in providing technical assistance to Member States, upon request, in countering trafficking in persons facilitated by technology,',
  ],
  operative: [
    {
      text: 'Urges Member States that have not yet done so to consider ratifying or acceding to the United Nations Convention against Transnational Organized Crime and the Trafficking in Persons Protocol;',
    },
    {
      text: 'Encourages Member States to strengthen their national legislative and policy frameworks to address trafficking in persons facilitated by information and communications technologies, including by:',
    },
    {
      level: 1,
      text: 'Ensuring that the offences established in accordance with the Protocol cover conduct committed through or with the assistance of online services;',
    },
    {
      level: 1,
      text: 'Enabling the timely preservation and disclosure of electronic evidence, in accordance with domestic law and with full respect for human rights;',
    },
    { level: 1, text: 'Providing specialized training to law enforcement officers, prosecutors and judges on:' },
    { level: 2, text: 'The investigation of the online recruitment and advertising of victims;' },
    { level: 2, text: 'The tracing of virtual assets linked to trafficking offences;' },
    {
      text: 'Calls upon Member States to enhance international cooperation, including mutual legal assistance and cooperation between law enforcement authorities, to investigate and prosecute cases of trafficking in persons involving information and communications technologies;',
    },
    {
      text: 'Encourages Member States to engage with the private sector, including technology companies and financial institutions, to develop and share tools and good practices to prevent, detect and report the misuse of online platforms and services for trafficking in persons;',
    },
    {
      text: 'Also encourages Member States to ensure that victims of trafficking are identified and provided with assistance and protection, including the protection of their privacy and personal data, and that technology is used to facilitate their access to support services;',
    },
    {
      text: 'Invites Member States to raise awareness, in particular among children and young people, of the risks of online recruitment and exploitation, in cooperation with civil society, academia and the private sector;',
    },
    {
      text: 'Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to Member States, upon request, to counter trafficking in persons facilitated by information and communications technologies, and to collect and disseminate good practices in that regard;',
    },
    {
      text: 'Also requests the United Nations Office on Drugs and Crime to report to the Commission at its thirty-seventh session on the implementation of the present resolution, and invites Member States and other donors to provide extrabudgetary resources for the purposes of the present resolution, in accordance with the rules and procedures of the United Nations.',
    },
  ],
};

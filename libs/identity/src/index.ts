export { Domain, ALL_DOMAINS, ProfessionalRole, ALL_ROLES } from './domain';
export { OrganisationEntity } from './organisation.entity';
export { ProfessionalEntity } from './professional.entity';

"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 08:02:30.454786
"""

from alembic import op
import sqlalchemy as sa
import consult.models.base


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('countries',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_countries'))
    )
    op.create_table('questionnaires',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.String(length=120), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('public', sa.Boolean(), nullable=False),
    sa.Column('current_version_id', sa.Integer(), nullable=True),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questionnaires')),
    sa.UniqueConstraint('form_id', name=op.f('uq_questionnaires_form_id')),
    sa.UniqueConstraint('slug', name=op.f('uq_questionnaires_slug'))
    )
    op.create_table('species',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('scientific_name', sa.String(length=120), nullable=False),
    sa.Column('cms_appendix', sa.String(length=4), nullable=True),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_species'))
    )
    op.create_table('stakeholder_groups',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_stakeholder_groups'))
    )
    op.create_table('threats',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('iucn_cmp', sa.JSON(), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('descriptions', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_threats'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    op.create_table('analysis_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('parameters', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('progress', sa.Double(), nullable=False),
    sa.Column('message', sa.String(length=300), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('results', sa.JSON(), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_analysis_runs_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_analysis_runs'))
    )
    with op.batch_alter_table('analysis_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_analysis_runs_status'), ['status'], unique=False)

    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('object_type', sa.String(length=60), nullable=False),
    sa.Column('object_id', sa.String(length=60), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_events_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_events_object', ['object_type', 'object_id'], unique=False)

    op.create_table('interviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_uid', sa.String(length=64), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('settlement', sa.String(length=200), nullable=False),
    sa.Column('province', sa.String(length=200), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('consent', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('key_quotes', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_interviews_country_code_countries')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_interviews_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interviews')),
    sa.UniqueConstraint('record_uid', name=op.f('uq_interviews_record_uid'))
    )
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.create_index('ix_interviews_country_date', ['country_code', 'date'], unique=False)

    op.create_table('invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('questionnaire_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('group_code', sa.String(length=40), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('expires_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('opened_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_invitations_country_code_countries')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_invitations_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_code'], ['stakeholder_groups.code'], name=op.f('fk_invitations_group_code_stakeholder_groups')),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_invitations_questionnaire_id_questionnaires'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_invitations_token_hash'))
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitations_questionnaire_id'), ['questionnaire_id'], unique=False)

    op.create_table('questionnaire_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('questionnaire_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('version_label', sa.String(length=80), nullable=False),
    sa.Column('form', sa.JSON(), nullable=False),
    sa.Column('source_filename', sa.String(length=255), nullable=False),
    sa.Column('source_xlsx', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_questionnaire_versions_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaires.id'], name=op.f('fk_questionnaire_versions_questionnaire_id_questionnaires'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questionnaire_versions')),
    sa.UniqueConstraint('questionnaire_id', 'number', name=op.f('uq_questionnaire_versions_questionnaire_id_number'))
    )
    # questionnaires and their versions point at each other: the second key is added afterwards.
    with op.batch_alter_table('questionnaires') as batch_op:
        batch_op.create_foreign_key(
            op.f('fk_questionnaires_current_version_id_questionnaire_versions'),
            'questionnaire_versions', ['current_version_id'], ['id'], ondelete='SET NULL',
        )
    with op.batch_alter_table('questionnaire_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_questionnaire_versions_questionnaire_id'), ['questionnaire_id'], unique=False)

    op.create_table('user_countries',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_user_countries_country_code_countries')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_countries_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'country_code', name=op.f('pk_user_countries'))
    )
    op.create_table('interview_facilitators',
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_interview_facilitators_interview_id_interviews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_interview_facilitators_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interview_id', 'user_id', name=op.f('pk_interview_facilitators'))
    )
    op.create_table('interview_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('theme_code', sa.String(length=40), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('translation_en', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_interview_notes_interview_id_interviews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_code'], ['threats.code'], name=op.f('fk_interview_notes_theme_code_threats')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_notes'))
    )
    with op.batch_alter_table('interview_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_notes_interview_id'), ['interview_id'], unique=False)

    op.create_table('interview_species',
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('species_code', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_interview_species_interview_id_interviews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['species_code'], ['species.code'], name=op.f('fk_interview_species_species_code_species')),
    sa.PrimaryKeyConstraint('interview_id', 'species_code', name=op.f('pk_interview_species'))
    )
    op.create_table('interview_threats',
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('theme_code', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.String(length=12), nullable=True),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_interview_threats_interview_id_interviews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_code'], ['threats.code'], name=op.f('fk_interview_threats_theme_code_threats')),
    sa.PrimaryKeyConstraint('interview_id', 'theme_code', name=op.f('pk_interview_threats'))
    )
    op.create_table('participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('group_code', sa.String(length=40), nullable=True),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('gender', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['group_code'], ['stakeholder_groups.code'], name=op.f('fk_participants_group_code_stakeholder_groups')),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], name=op.f('fk_participants_interview_id_interviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_interview_id'), ['interview_id'], unique=False)

    op.create_table('responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('group_code', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=False),
    sa.Column('resume_token_hash', sa.String(length=64), nullable=True),
    sa.Column('client_submission_id', sa.String(length=64), nullable=True),
    sa.Column('external_uuid', sa.String(length=64), nullable=True),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('current_section', sa.String(length=120), nullable=False),
    sa.Column('created_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', consult.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', consult.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_responses_country_code_countries')),
    sa.ForeignKeyConstraint(['group_code'], ['stakeholder_groups.code'], name=op.f('fk_responses_group_code_stakeholder_groups')),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'], name=op.f('fk_responses_invitation_id_invitations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['version_id'], ['questionnaire_versions.id'], name=op.f('fk_responses_version_id_questionnaire_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responses')),
    sa.UniqueConstraint('client_submission_id', name=op.f('uq_responses_client_submission_id')),
    sa.UniqueConstraint('external_uuid', name=op.f('uq_responses_external_uuid')),
    sa.UniqueConstraint('reference', name=op.f('uq_responses_reference')),
    sa.UniqueConstraint('resume_token_hash', name=op.f('uq_responses_resume_token_hash'))
    )
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.create_index('ix_responses_country_group', ['country_code', 'group_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_responses_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_index('ix_responses_version_status', ['version_id', 'status'], unique=False)

    op.create_table('answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=255), nullable=False),
    sa.Column('instance', sa.Integer(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_answers_response_id_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answers')),
    sa.UniqueConstraint('response_id', 'question', 'instance', name=op.f('uq_answers_response_id_question_instance'))
    )
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.create_index('ix_answers_question', ['question'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('questionnaires') as batch_op:
        batch_op.drop_constraint(
            op.f('fk_questionnaires_current_version_id_questionnaire_versions'), type_='foreignkey'
        )
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_index('ix_answers_question')

    op.drop_table('answers')
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index('ix_responses_version_status')
        batch_op.drop_index(batch_op.f('ix_responses_invitation_id'))
        batch_op.drop_index('ix_responses_country_group')

    op.drop_table('responses')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_interview_id'))

    op.drop_table('participants')
    op.drop_table('interview_threats')
    op.drop_table('interview_species')
    with op.batch_alter_table('interview_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_notes_interview_id'))

    op.drop_table('interview_notes')
    op.drop_table('interview_facilitators')
    op.drop_table('user_countries')
    with op.batch_alter_table('questionnaire_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_questionnaire_versions_questionnaire_id'))

    op.drop_table('questionnaire_versions')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_questionnaire_id'))

    op.drop_table('invitations')
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.drop_index('ix_interviews_country_date')

    op.drop_table('interviews')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_object')
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))

    op.drop_table('audit_events')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
    with op.batch_alter_table('analysis_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_analysis_runs_status'))

    op.drop_table('analysis_runs')
    op.drop_table('users')
    op.drop_table('threats')
    op.drop_table('stakeholder_groups')
    op.drop_table('species')
    op.drop_table('questionnaires')
    op.drop_table('countries')

class Vault
  def inspect = "vault"
  private def code = 42
end
Vault.new.code
# expect error: private method `code' called for vault:Vault (NoMethodError)
